package org.atlascitoyen.mapservice.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;

/**
 * One actor of an export, as a GeoJSON Feature: the properties of the list plus the address,
 * postcode, SIREN and RNA. The record has no field for private data (email, phone).
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record ActorExport(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /**
     * @param precision how the point was placed: address, commune (its point-on-surface) or territory
     * @param sources   the directories the actor was imported from
     * @param distance  metres from {@code near}, only in an export around a point
     */
    public record Properties(String name, String type, String typeLabel, List<String> themes, String description,
                             String address, String postcode, String website, String siren, String rna,
                             String precision, String commune, String communeName, String epci, String departement,
                             OffsetDateTime updatedAt, List<String> sources,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long distance) {
    }
}
