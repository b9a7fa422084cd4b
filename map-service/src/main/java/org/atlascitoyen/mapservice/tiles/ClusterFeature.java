package org.atlascitoyen.mapservice.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;

/**
 * A cluster of records as a GeoJSON Feature at the mean position of its records, or a single
 * record (count 1) with its id, name and type or status, and its themes at the zooms that do
 * not cluster. Public fields only.
 *
 * @param id the record's id when the feature is a single record
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record ClusterFeature(@JsonInclude(JsonInclude.Include.NON_NULL) Long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /**
     * @param count  records in the cluster
     * @param type   an actor's type (single actors)
     * @param status an initiative's status (single initiatives)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(int count, Long id, String name, String type, String status, List<String> themes) {
    }
}
