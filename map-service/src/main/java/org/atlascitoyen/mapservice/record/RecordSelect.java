package org.atlascitoyen.mapservice.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.atlascitoyen.importers.record.RecordField;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.system.SqlArrays;

/**
 * What one output reads of a kind: the fields of its shape (with {@code distance} last in a list
 * or an export around a point), as SQL for a query template and as values read back from a row.
 * This is the one row mapper of every kind and shape: the JSON, GeoJSON, CSV and OGC writers take
 * its {@link RecordProperties}.
 *
 * <p>A template names the kind's public view {@code ${view}} (aliased {@code r}), the select list
 * {@code ${columns}} and the joins {@code ${joins}}; all three come from the kind's description,
 * never from a request.
 */
public record RecordSelect(RecordKind kind, Shape shape, List<RecordField> fields) {

    public RecordSelect {
        fields = List.copyOf(fields);
    }

    /** The fields of a shape; {@code withDistance} adds the distance from {@code near} (lists and exports). */
    public static RecordSelect of(RecordKind kind, Shape shape, boolean withDistance) {
        List<RecordField> fields = new ArrayList<>(kind.fields(shape));
        if (withDistance) {
            fields.add(kind.field("distance"));
        }
        return new RecordSelect(kind, shape, fields);
    }

    /** The template with the kind's view, this shape's select list and the joins it needs. */
    public String sql(String template) {
        List<String> columns = new ArrayList<>();
        Set<String> joins = new LinkedHashSet<>();
        for (RecordField field : fields) {
            if (field.sql() != null) {
                columns.add(field.sql() + " AS " + field.alias());
            }
            if (field.join() != null) {
                joins.add(field.join());
            }
        }
        return template.replace("${view}", kind.publicView())
                .replace("${columns}", String.join(",\n       ", columns))
                .replace("${joins}", String.join("\n", joins));
    }

    /**
     * The values of the current row. Relations are left null for the caller to fill; the distance
     * is the row's {@code sort_key}, in whole metres.
     */
    public RecordProperties read(ResultSet rs) throws SQLException {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            RecordField field = fields.get(i);
            values[i] = switch (field.type()) {
                case TEXT -> rs.getString(field.alias());
                case TEXTS, THEMES -> SqlArrays.texts(rs.getArray(field.alias()));
                case BOOLEAN -> rs.getBoolean(field.alias());
                case INTEGER -> rs.getInt(field.alias());
                case DATE -> rs.getObject(field.alias(), LocalDate.class);
                case TIMESTAMP -> rs.getObject(field.alias(), OffsetDateTime.class);
                case DISTANCE -> Math.round(rs.getDouble("sort_key"));
                case TERRITORIES, PROVENANCE, LINKED, PERIMETER -> null;
            };
        }
        return new RecordProperties(fields, values);
    }

    /** The current row as a GeoJSON Feature with its point ({@code lon}, {@code lat}). */
    public RecordFeature feature(ResultSet rs) throws SQLException {
        return new RecordFeature(rs.getLong("id"), read(rs), new Point(rs.getDouble("lon"), rs.getDouble("lat")));
    }
}
