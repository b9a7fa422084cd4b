package org.atlascitoyen.mapservice.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a request's text must be before anything reads it: percent-escapes that are whole, bytes
 * that are UTF-8, no control characters (a NUL breaks PostgreSQL text, the others have no business
 * in a parameter), no lone surrogates, and at most {@link #MAX_LENGTH} characters. Checked on the
 * raw query string, strictly: the servlet container would otherwise turn undecodable bytes into
 * U+FFFD or drop the parameter, and the request would go on with a value the user did not send.
 */
public final class ParameterText {

    /** Longest value accepted, in characters: far above any code, date, bbox or search text. */
    public static final int MAX_LENGTH = 2000;

    /** Longest parameter name quoted back in a problem (a bad name is quoted as sent, escapes and all). */
    private static final int MAX_QUOTED_NAME = 60;

    /** A parameter that cannot be accepted, and why (the detail of the 400). */
    public record Fault(String parameter, String detail) {
    }

    private ParameterText() {
    }

    /**
     * The first fault of a raw (still percent-encoded) query string, in the form
     * {@code name=value&name=value} where {@code +} is a space; empty when it is acceptable.
     */
    public static Optional<Fault> checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name;
            try {
                name = decode(rawName);
            } catch (IllegalArgumentException e) {
                String quoted = quote(rawName);
                return Optional.of(new Fault(quoted, "The name of parameter '" + quoted + "' " + e.getMessage()));
            }
            Optional<String> nameFault = fault(name);
            if (nameFault.isPresent()) {
                String quoted = quote(rawName);
                return Optional.of(new Fault(quoted, "The name of parameter '" + quoted + "' " + nameFault.get()));
            }
            try {
                Optional<String> valueFault = fault(decode(rawValue));
                if (valueFault.isPresent()) {
                    return Optional.of(new Fault(name, "Parameter '" + name + "' " + valueFault.get()));
                }
            } catch (IllegalArgumentException e) {
                return Optional.of(new Fault(name, "Parameter '" + name + "' " + e.getMessage()));
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with an already decoded value (a path variable, a decoded parameter), as the
     * end of a sentence ("contains a NUL..."); empty when it is acceptable. U+FFFD is refused too:
     * in a path variable it is what the container made of bytes that were not UTF-8.
     */
    public static Optional<String> fault(String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character (U+0000)");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return Optional.of("contains the control character U+%04X".formatted((int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone surrogate (U+%04X), which is not text".formatted((int) c));
            } else if (c == '\uFFFD') {
                return Optional.of("is not valid UTF-8 text");
            }
        }
        return Optional.empty();
    }

    /**
     * Percent-decodes a raw query component ({@code +} is a space) and reads the bytes as UTF-8,
     * strictly. Characters above U+00FF in the raw text (which a container may pass through) are
     * kept as they are.
     *
     * @throws IllegalArgumentException with the end of a sentence saying what is malformed
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw malformed("has a malformed %-escape at character " + (i + 1)
                            + " (% must be followed by two hexadecimal digits; write a literal % as %25)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed("is not valid UTF-8 (percent-escapes must encode UTF-8 bytes, e.g. é as %C3%A9)");
        }
    }

    private static IllegalArgumentException malformed(String message) {
        return new IllegalArgumentException(message);
    }

    /** A raw name as it can be quoted back: printable ASCII only, shortened. */
    private static String quote(String rawName) {
        StringBuilder quoted = new StringBuilder();
        rawName.codePoints().limit(MAX_QUOTED_NAME)
                .forEach(c -> quoted.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : "?"));
        return rawName.length() > MAX_QUOTED_NAME ? quoted + "..." : quoted.toString();
    }
}
