package org.atlascitoyen.mapservice.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of items ({@code /ogc/collections/{collectionId}/items}) as a GeoJSON FeatureCollection
 * with the members of OGC API Features: how many features match the request in all, how many are
 * in this page, when it was made, and the links to this page and the ones around it. In a projected
 * CRS it also names that CRS in the {@code crs} member of GeoJSON 2008, which GDAL reads
 * ({@link NamedCrs}); in degrees it has none.
 */
@JsonPropertyOrder({"type", "crs", "numberMatched", "numberReturned", "timeStamp", "links", "features"})
public record FeatureCollection(@JsonInclude(JsonInclude.Include.NON_NULL) NamedCrs crs, long numberMatched, int numberReturned, OffsetDateTime timeStamp, List<Link> links,
                                List<OgcFeature> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }
}
