package org.atlascitoyen.mapservice.actor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import org.atlascitoyen.mapservice.record.Labelled;
import org.atlascitoyen.mapservice.record.Point;
import org.atlascitoyen.mapservice.record.Provenance;
import org.atlascitoyen.mapservice.territory.TerritoryRef;

/** One actor in full, as a GeoJSON Feature: every public field, its territories, initiatives and sources. */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record ActorDetail(long id, Properties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /** The same actor with its territories, initiatives and sources. */
    public ActorDetail withRelations(List<TerritoryRef> territories, List<Initiative> initiatives, List<Provenance> sources) {
        Properties p = properties;
        return new ActorDetail(id, new Properties(p.name(), p.type(), p.typeLabel(), p.themes(), p.description(),
                p.address(), p.postcode(), p.website(), p.siren(), p.rna(), p.precision(), p.territoryKind(),
                p.territoryCode(), p.outOfRegion(), territories, initiatives, sources, p.createdAt(), p.updatedAt()),
                geometry);
    }

    /**
     * @param territoryKind with precision {@code territory}: the kind of territory it acts on
     * @param territories   its commune and every territory containing it, smallest first
     * @param initiatives   the initiatives it carries
     */
    public record Properties(String name, String type, String typeLabel, List<Labelled> themes, String description,
                             String address, String postcode, String website, String siren, String rna,
                             String precision, String territoryKind, String territoryCode, boolean outOfRegion,
                             List<TerritoryRef> territories, List<Initiative> initiatives, List<Provenance> sources,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** An initiative the actor carries. */
    public record Initiative(long id, String name, String status, String statusLabel) {
    }
}
