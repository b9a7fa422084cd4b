package org.atlascitoyen.mapservice.initiative;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;

/** One initiative of a list as a GeoJSON Feature. */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record InitiativeFeature(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /** The same initiative as a plain JSON item. */
    public InitiativeItem item() {
        return new InitiativeItem(id, properties, geometry.lon(), geometry.lat());
    }

    /**
     * @param lessonsLearned what worked and what did not ("retex"), failures included
     * @param carriers       how many actors carry it
     * @param distance       metres from {@code near}, only in a list around a point
     */
    public record Properties(String name, String status, String statusLabel, List<String> themes, String description,
                             String lessonsLearned, LocalDate startDate, LocalDate endDate, String website,
                             String precision, String commune, String communeName, String epci, String departement,
                             int carriers, OffsetDateTime updatedAt, List<String> sources,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long distance) {
    }
}
