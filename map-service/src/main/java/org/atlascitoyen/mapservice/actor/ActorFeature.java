package org.atlascitoyen.mapservice.actor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * One actor as a GeoJSON Feature. The record has no field for private data (email, phone): it
 * cannot leak through here.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record ActorFeature(long id, Properties properties, @JsonRawValue String geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /**
     * @param precision how the point was placed: address, commune (its point-on-surface) or territory
     * @param sources   the directories the actor was imported from
     */
    public record Properties(String name, String type, String typeLabel, List<String> themes, String description,
                             String website, String precision, String commune, String communeName, String epci,
                             String departement, List<String> sources) {
    }
}
