package org.atlascitoyen.mapservice.account;

/**
 * A territory and how many coordinators it has (0: "sans coordinateur"); never who they are.
 *
 * @param kind         its kind
 * @param code         its code
 * @param name         its name
 * @param coordinators how many accounts coordinate it
 * @param geometry     its display outline as GeoJSON, null in the JSON list
 */
public record CoordinationTerritory(String kind, String code, String name, int coordinators, String geometry) {
}
