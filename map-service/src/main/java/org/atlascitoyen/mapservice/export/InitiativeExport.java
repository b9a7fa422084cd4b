package org.atlascitoyen.mapservice.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;

/** One initiative of an export, as a GeoJSON Feature: the properties of the list plus the address and postcode. */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record InitiativeExport(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /**
     * @param lessonsLearned what worked and what did not ("retex"), failures included
     * @param carriers       how many actors carry it
     * @param distance       metres from {@code near}, only in an export around a point
     */
    public record Properties(String name, String status, String statusLabel, List<String> themes, String description,
                             String lessonsLearned, LocalDate startDate, LocalDate endDate, String address,
                             String postcode, String website, String precision, String commune, String communeName,
                             String epci, String departement, int carriers, OffsetDateTime updatedAt,
                             List<String> sources, @JsonInclude(JsonInclude.Include.NON_NULL) Long distance) {
    }
}
