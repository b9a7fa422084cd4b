package org.atlascitoyen.mapservice.account;

import java.time.OffsetDateTime;

/**
 * A coordinator role, as the admins' console shows it (admins only: it holds the address).
 *
 * @param id            the role's id ({@code DELETE /api/admin/roles/{id}} revokes it)
 * @param accountId     the coordinator's account
 * @param email         their address
 * @param displayName   their name, null when unset
 * @param territoryKind the kind of the territory they coordinate
 * @param territoryCode its code
 * @param territoryName its name
 * @param grantedAt     when the role was granted
 */
public record RoleView(long id, long accountId, String email, String displayName, String territoryKind,
                       String territoryCode, String territoryName, OffsetDateTime grantedAt) {
}
