package org.atlascitoyen.mapservice.account;

import java.util.List;

/**
 * {@code GET /api/account}: who I am. The address is the signed-in person's own, served to them
 * only (never to anyone else, nor cached: {@code Cache-Control: no-store}).
 *
 * @param id            the account's id
 * @param displayName   the name it shows (null until set)
 * @param email         its address
 * @param admin         an admin
 * @param coordinatorOf the territories it coordinates
 */
public record AccountView(long id, String displayName, String email, boolean admin, List<TerritoryRole> coordinatorOf) {
}
