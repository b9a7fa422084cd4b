package org.atlascitoyen.mapservice.territory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

/**
 * One territory as a GeoJSON Feature (RFC 7946): {@code id} is {@code kind:code}; the geometry
 * is GeoJSON text from PostGIS (lon/lat, 6 decimals), null when omitted or unknown.
 */
@JsonPropertyOrder({"type", "id", "bbox", "properties", "geometry"})
public record TerritoryFeature(String id, double[] bbox, Properties properties, @JsonRawValue String geometry) {

    /** The same feature with its parents and member counts, which come from separate queries. */
    public TerritoryFeature withRelations(List<TerritoryRef> parents, Map<String, Integer> memberCounts) {
        Properties p = properties;
        return new TerritoryFeature(id, bbox, new Properties(p.kind(), p.code(), p.name(), p.kindLabel(), p.category(),
                p.population(), parents, memberCounts, p.postcodes(), p.hasGeometry(), p.vintage(), p.source()), geometry);
    }

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /**
     * @param category     EPCI legal form (CC, CA, CU, METRO) where it applies
     * @param population   population municipale of the whole territory (also outside the region)
     * @param parents      territories containing all of it, smallest first
     * @param memberCounts territories of each smaller kind that share communes with it
     * @param postcodes    communes only
     * @param hasGeometry  false for a commune whose source has no polygon
     */
    public record Properties(String kind, String code, String name, String kindLabel, String category,
                             Integer population, List<TerritoryRef> parents, Map<String, Integer> memberCounts,
                             List<String> postcodes, boolean hasGeometry, String vintage, String source) {
    }
}
