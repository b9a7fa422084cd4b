package org.atlascitoyen.importers.gogocarto;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.atlascitoyen.importers.load.CountingInputStream;
import org.atlascitoyen.importers.load.JsonStream;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.FileRowReader;
import org.atlascitoyen.importers.source.JsonValues;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the JSON export of a GoGoCarto map, as its API publishes it ({@code /api/elements.json}):
 * an object whose {@code data} array holds the elements, or a bare array of elements. Each element
 * is read with the built-in mapping below, which a mapping file may extend or override (typically
 * to map the map's categories to themes and types); mapped columns are dotted paths in the element.
 */
public final class GoGoCartoRowReader extends FileRowReader {

    /** Where GoGoCarto elements keep each field. */
    public static final Mapping BUILT_IN = new Mapping(Map.ofEntries(
            Map.entry(Field.EXTERNAL_ID, Mapping.Rule.column("id")),
            Map.entry(Field.NAME, Mapping.Rule.column("name")),
            Map.entry(Field.LATITUDE, Mapping.Rule.column("geo.latitude")),
            Map.entry(Field.LONGITUDE, Mapping.Rule.column("geo.longitude")),
            Map.entry(Field.ADDRESS, Mapping.Rule.column("address.streetAddress")),
            Map.entry(Field.POSTCODE, Mapping.Rule.column("address.postalCode")),
            Map.entry(Field.COMMUNE_NAME, Mapping.Rule.column("address.addressLocality")),
            Map.entry(Field.THEMES, new Mapping.Rule("categories", null, "|", Map.of(), null)),
            Map.entry(Field.TYPE, new Mapping.Rule("categories", null, "|", Map.of(), "association")),
            Map.entry(Field.DESCRIPTION, Mapping.Rule.column("description")),
            Map.entry(Field.WEBSITE, Mapping.Rule.column("website")),
            Map.entry(Field.EMAIL, Mapping.Rule.column("email")),
            Map.entry(Field.PHONE, Mapping.Rule.column("telephone"))), "built-in GoGoCarto mapping");

    /** @param mapping the built-in mapping, possibly extended by a mapping file */
    public GoGoCartoRowReader(Path file, Mapping mapping) {
        super(file, mapping);
    }

    @Override
    public void read(Handler handler) throws IOException, SQLException {
        requireNotEmpty();
        try (CountingInputStream in = open(); JsonParser parser = JsonStream.MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (!seekArray(parser, "data")) {
                    throw new MalformedFileException(file + ": a GoGoCarto export has its elements in a \"data\" array; none found");
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw new MalformedFileException(file + ": not a GoGoCarto export (expected a JSON object or array)");
            }
            long count = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                SourceRow row = new SourceRow(++count);
                JsonValues.fill(row, JsonStream.MAPPER.readTree(parser), mapping);
                handler.accept(row);
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new MalformedFileException(file + ": element " + (count + 1) + " of the array is not an object");
            }
            if (count == 0) {
                note("the export holds no element");
            }
        } catch (JacksonException e) {
            throw JsonStream.invalid(file, e);
        }
    }

    /** Moves the parser into the array of a top-level field, skipping the other fields. */
    private static boolean seekArray(JsonParser parser, String name) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    @Override
    public String position() {
        return "element";
    }
}
