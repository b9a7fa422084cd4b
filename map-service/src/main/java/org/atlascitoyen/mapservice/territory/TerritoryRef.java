package org.atlascitoyen.mapservice.territory;

/** A territory named in an answer: its kind, code and name. */
public record TerritoryRef(String kind, String code, String name) {
}
