package org.atlascitoyen.importers.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading big JSON files one element at a time. The mapper reads a tree at the parser's current
 * position and leaves the rest of the stream alone (Jackson 3 otherwise insists that a value
 * ends the input).
 */
public final class JsonStream {

    /** Mapper for reading values in the middle of a stream. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What to do with each element; loaders write it to the database. */
    @FunctionalInterface
    public interface Handler<T> {
        void accept(T value) throws SQLException;
    }

    private JsonStream() {
    }

    /** Streams the objects of a file holding one top-level JSON array. */
    public static void forEachObject(Path file, Handler<JsonNode> handler) throws IOException, SQLException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedFileException(file + ": expected a JSON array of objects");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                handler.accept(MAPPER.readTree(parser));
            }
        } catch (JacksonException e) {
            throw invalid(file, e);
        }
    }

    /** A parse error naming the file, line and column. */
    public static MalformedFileException invalid(Path file, JacksonException e) {
        return new MalformedFileException(file + ": invalid JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
}
