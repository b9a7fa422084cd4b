package org.atlascitoyen.mapservice.record;

import org.atlascitoyen.importers.record.Category;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A record of another kind listed in a detail (an initiative an actor carries, an actor carrying
 * an initiative): its id, name, and category code and label under the names of its own kind
 * ({@code status}, {@code statusLabel} or {@code type}, {@code typeLabel}).
 */
@JsonSerialize(using = LinkedRecord.Writer.class)
public record LinkedRecord(long id, String name, Category category, String code, String label) {

    static final class Writer extends ValueSerializer<LinkedRecord> {
        @Override
        public void serialize(LinkedRecord linked, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeNumberProperty("id", linked.id());
            json.writeStringProperty("name", linked.name());
            json.writeStringProperty(linked.category().parameter(), linked.code());
            json.writeStringProperty(linked.category().labelName(), linked.label());
            json.writeEndObject();
        }
    }
}
