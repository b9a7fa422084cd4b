package org.atlascitoyen.mapservice.contribution;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of a write request, strictly and within a size: beyond {@code maxBytes},
 * 413 before the rest is read; an unknown member, a value of the wrong JSON type (a number for a
 * text, a text for a number, an object for a list), a duplicate member, trailing content, bytes
 * that are not UTF-8: 400 naming {@code body}. Lenient binding would let a typo or a script's
 * guess pass silently.
 */
public final class StrictJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictJson() {
    }

    public static <T> T read(HttpServletRequest request, Class<T> type, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw new BadParameterException("body", "A JSON object is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadParameterException("body", "A JSON object is required");
            }
            return value;
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            message = message == null ? "Not valid JSON" : message.replaceAll("\\p{Cntrl}", " ");
            throw new BadParameterException("body", message.length() > 300 ? message.substring(0, 300) + "…" : message);
        }
    }

    private static ResponseStatusException tooLarge(int maxBytes) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "The body may hold at most " + maxBytes + " bytes");
    }
}
