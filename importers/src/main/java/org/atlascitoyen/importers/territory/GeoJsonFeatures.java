package org.atlascitoyen.importers.territory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.atlascitoyen.importers.load.JsonStream;
import org.atlascitoyen.importers.load.MalformedFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams the features of a GeoJSON file one at a time, so that memory does not grow with the
 * file: a FeatureCollection, a single Feature, or a bare geometry are all accepted.
 */
public final class GeoJsonFeatures {

    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    /**
     * One feature: its position in the file (1-based), its properties (an empty object when it
     * has none) and its geometry as GeoJSON text (null when absent).
     */
    public record Feature(int number, JsonNode properties, String geometryJson) {
        public String text(String property) {
            JsonNode value = properties.get(property);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    private GeoJsonFeatures() {
    }

    /** Reads every feature of the file in order; returns how many there were. */
    public static int read(Path file, JsonStream.Handler<Feature> consumer) throws IOException, SQLException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file, in, consumer);
        }
    }

    /** Reads every feature from a stream of the file (named in messages); returns how many there were. */
    public static int read(Path file, InputStream in, JsonStream.Handler<Feature> consumer) throws IOException, SQLException {
        JsonMapper mapper = JsonStream.MAPPER;
        try (JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFileException(file + ": not a GeoJSON object");
            }
            ObjectNode top = JsonNodeFactory.instance.objectNode();
            int count = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("features".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        consumer.accept(feature(++count, mapper.readTree(parser)));
                    }
                } else {
                    top.set(name, mapper.readTree(parser));
                }
            }
            String type = top.path("type").asString("");
            if ("Feature".equals(type)) {
                consumer.accept(feature(++count, top));
            } else if (GEOMETRY_TYPES.contains(type)) {
                consumer.accept(new Feature(++count, JsonNodeFactory.instance.objectNode(), top.toString()));
            } else if (!"FeatureCollection".equals(type)) {
                throw new MalformedFileException(file + ": GeoJSON type '" + type
                        + "' is neither a FeatureCollection, a Feature nor a geometry");
            }
            return count;
        } catch (JacksonException e) {
            throw JsonStream.invalid(file, e);
        }
    }

    private static Feature feature(int number, JsonNode node) {
        JsonNode properties = node.path("properties");
        JsonNode geometry = node.path("geometry");
        return new Feature(number,
                properties.isObject() ? properties : JsonNodeFactory.instance.objectNode(),
                geometry.isObject() ? geometry.toString() : null);
    }
}
