package org.atlascitoyen.mapservice.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * One feature as GeoJSON (RFC 7946). {@code id} is a number for actors and initiatives (GDAL then
 * uses it as the feature id) and the code for territories; the geometry is GeoJSON text from
 * PostGIS (lon/lat, 6 decimals), null for a commune whose source has no polygon. Features of a
 * page carry no links; a feature on its own links to itself and its collection. The properties
 * are a record's {@code RecordProperties} or a territory's {@link FeatureProperties}.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry", "links"})
public record OgcFeature(Object id, Object properties, @JsonRawValue String geometry,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    public OgcFeature withLinks(List<Link> featureLinks) {
        return new OgcFeature(id, properties, geometry, featureLinks);
    }
}
