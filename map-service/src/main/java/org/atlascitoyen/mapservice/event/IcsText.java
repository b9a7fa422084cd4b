package org.atlascitoyen.mapservice.event;

import java.nio.charset.StandardCharsets;

/**
 * iCalendar (RFC 5545) content lines: TEXT values escaped (backslash, semicolon, comma, line
 * breaks; other control characters dropped) and lines folded at 75 octets without splitting a
 * UTF-8 character, each ended by CRLF.
 */
final class IcsText {

    private static final int FOLD_OCTETS = 75;

    private IcsText() {
    }

    /** A TEXT value (section 3.3.11). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 && c != 0x7F || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends one content line, folded (section 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > FOLD_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** Appends {@code NAME:escaped value} when the value is present. */
    static void text(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            line(out, name + ":" + escape(value.strip()));
        }
    }
}
