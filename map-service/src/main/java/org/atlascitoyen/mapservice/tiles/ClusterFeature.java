package org.atlascitoyen.mapservice.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.atlascitoyen.mapservice.record.Point;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A cluster of records as a GeoJSON Feature at the mean position of its records, or a single
 * record (count 1) with its id, name and category code (type, status...), and its themes at the zooms that do
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
     * @param count    records in the cluster
     * @param category the name of the kind's category ({@code type}, {@code status}), under which a
     *                 single record's code is written
     * @param code     a single record's category code
     */
    @JsonSerialize(using = PropertiesWriter.class)
    public record Properties(int count, Long id, String name, String category, String code, List<String> themes) {
    }

    /** {@code count}, then for a single record its id, name, category code and themes; nulls left out. */
    static final class PropertiesWriter extends ValueSerializer<Properties> {
        @Override
        public void serialize(Properties p, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeNumberProperty("count", p.count());
            if (p.id() != null) {
                json.writeNumberProperty("id", p.id());
            }
            if (p.name() != null) {
                json.writeStringProperty("name", p.name());
            }
            if (p.code() != null) {
                json.writeStringProperty(p.category(), p.code());
            }
            if (p.themes() != null) {
                json.writeName("themes");
                context.writeValue(json, p.themes());
            }
            json.writeEndObject();
        }
    }
}
