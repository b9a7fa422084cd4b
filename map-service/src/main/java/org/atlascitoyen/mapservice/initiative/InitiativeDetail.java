package org.atlascitoyen.mapservice.initiative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Labelled;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.record.Provenance;
import org.atlascitoyen.mapservice.territory.TerritoryRef;

/** One initiative in full, as a GeoJSON Feature: its territories, the actors carrying it, its sources. */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record InitiativeDetail(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /** The same initiative with its territories, carriers and sources. */
    public InitiativeDetail withRelations(List<TerritoryRef> territories, List<Carrier> actors, List<Provenance> sources) {
        Properties p = properties;
        return new InitiativeDetail(id, new Properties(p.name(), p.status(), p.statusLabel(), p.themes(),
                p.description(), p.lessonsLearned(), p.startDate(), p.endDate(), p.address(), p.postcode(),
                p.website(), p.precision(), p.territoryKind(), p.territoryCode(), p.outOfRegion(), territories,
                actors, sources, p.createdAt(), p.updatedAt()), geometry);
    }

    /**
     * @param lessonsLearned what worked and what did not ("retex"), failures included
     * @param territories    its commune and every territory containing it, smallest first
     * @param actors         the actors that carry it
     */
    public record Properties(String name, String status, String statusLabel, List<Labelled> themes,
                             String description, String lessonsLearned, LocalDate startDate, LocalDate endDate,
                             String address, String postcode, String website, String precision, String territoryKind,
                             String territoryCode, boolean outOfRegion, List<TerritoryRef> territories,
                             List<Carrier> actors, List<Provenance> sources, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {
    }

    /** An actor carrying the initiative. */
    public record Carrier(long id, String name, String type, String typeLabel) {
    }
}
