package org.atlascitoyen.mapservice.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One record as a GeoJSON Feature: its id, the properties of an output shape and its point. The
 * same record as plain JSON ({@code format=json}) is {@link #item()}.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record RecordFeature(long id, RecordProperties properties, Point geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }

    /** The same record as a plain JSON item: its id, its properties, lon and lat. */
    public Item item() {
        return new Item(this);
    }

    /** A record of a plain JSON list: {@code {"id": ..., <properties>..., "lon": ..., "lat": ...}}. */
    @JsonSerialize(using = ItemWriter.class)
    public record Item(RecordFeature feature) {
    }

    static final class ItemWriter extends ValueSerializer<Item> {
        @Override
        public void serialize(Item item, JsonGenerator json, SerializationContext context) {
            RecordFeature feature = item.feature();
            json.writeStartObject();
            json.writeNumberProperty("id", feature.id());
            feature.properties().writeFields(json, context);
            json.writeNumberProperty("lon", feature.geometry().lon());
            json.writeNumberProperty("lat", feature.geometry().lat());
            json.writeEndObject();
        }
    }
}
