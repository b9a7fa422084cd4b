package org.atlascitoyen.mapservice.account;

/**
 * {@code POST /api/admin/roles}: make a person the coordinator of a territory.
 *
 * @param email     their address (an account is created for it if they have not signed in yet)
 * @param territory {@code kind:code}, kind one of commune, epci, petr, bassin_vie, departement, region
 */
public record RoleGrantRequest(String email, String territory) {
}
