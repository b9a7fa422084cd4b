package org.atlascitoyen.mapservice.actor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;

/**
 * One actor of a list as a GeoJSON Feature. The record has no field for private data (email,
 * phone): it cannot leak through here.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record ActorFeature(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /** The same actor as a plain JSON item. */
    public ActorItem item() {
        return new ActorItem(id, properties, geometry.lon(), geometry.lat());
    }

    /**
     * @param precision how the point was placed: address, commune (its point-on-surface) or territory
     * @param sources   the directories the actor was imported from
     * @param distance  metres from {@code near}, only in a list around a point
     */
    public record Properties(String name, String type, String typeLabel, List<String> themes, String description,
                             String website, String precision, String commune, String communeName, String epci,
                             String departement, OffsetDateTime updatedAt, List<String> sources,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long distance) {
    }
}
