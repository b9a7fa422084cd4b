package org.atlascitoyen.mapservice.territory;

/**
 * One search result. {@code match} says why it matched: {@code code} (INSEE/SIREN code or
 * postcode), {@code exact}, {@code prefix}, {@code word} (a word of the name starts with the
 * query) or {@code similar} (trigram similarity, tolerating small typos); {@code score} is the
 * similarity between the normalised query and name (1 = identical).
 */
public record TerritoryMatch(String kind, String code, String name, String departement, Integer population,
                             String match, double score) {
}
