package org.atlascitoyen.mapservice.record;

import java.util.Arrays;
import java.util.List;
import org.atlascitoyen.importers.record.RecordField;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The public values of one record in one output shape, in the order of the shape's fields
 * ({@link RecordSelect}). Written as a JSON object of those fields and nothing else: what is not
 * a field of the shape, and so not a column of the kind's public view, cannot be written.
 */
@JsonSerialize(using = RecordProperties.Writer.class)
public final class RecordProperties {

    private final List<RecordField> fields;
    private final Object[] values;

    RecordProperties(List<RecordField> fields, Object[] values) {
        if (fields.size() != values.length) {
            throw new IllegalArgumentException(fields.size() + " fields, " + values.length + " values");
        }
        this.fields = fields;
        this.values = values;
    }

    public List<RecordField> fields() {
        return fields;
    }

    /** The value of the field with this key. */
    public Object value(String key) {
        return values[index(key)];
    }

    /** The same values with another one for the field with this key (a detail's relations, labelled themes). */
    public RecordProperties with(String key, Object value) {
        Object[] copy = Arrays.copyOf(values, values.length);
        copy[index(key)] = value;
        return new RecordProperties(fields, copy);
    }

    /** Writes each field as a name and a value into the object being written. */
    void writeFields(JsonGenerator json, SerializationContext context) {
        for (int i = 0; i < values.length; i++) {
            json.writeName(fields.get(i).name());
            if (values[i] == null) {
                json.writeNull();
            } else {
                context.writeValue(json, values[i]);
            }
        }
    }

    private int index(String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No field " + key + " in " + fields);
    }

    static final class Writer extends ValueSerializer<RecordProperties> {
        @Override
        public void serialize(RecordProperties properties, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            properties.writeFields(json, context);
            json.writeEndObject();
        }
    }
}
