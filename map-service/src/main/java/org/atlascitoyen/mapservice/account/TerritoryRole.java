package org.atlascitoyen.mapservice.account;

import java.io.Serializable;

/**
 * A territory on which an account holds the coordinator role: {@code kind} is one of
 * {@code commune, epci, petr, bassin_vie, departement, region}, {@code code} its key (INSEE code,
 * SIREN...), as in the records' territory columns.
 */
public record TerritoryRole(String kind, String code) implements Serializable {
}
