package org.atlascitoyen.importers.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atlascitoyen.importers.load.MalformedFileException;

/**
 * Finds how a CSV file is written before it is parsed: its encoding (UTF-8 with or without BOM,
 * else Windows-1252, which spreadsheets on Windows write and which reads ISO-8859-1 text too), its
 * delimiter ({@code ,} {@code ;} or tab) and whether it is text at all. The whole file is scanned
 * once, in a streaming pass, so that an accented letter on the last line is not missed.
 */
public final class CsvSniffer {

    /** What was found: the encoding, how many BOM bytes to skip, and the delimiter. */
    public record Dialect(Charset charset, int bomLength, char delimiter) {
        public String describe() {
            String d = switch (delimiter) {
                case '\t' -> "tab";
                case ';' -> "';'";
                default -> "','";
            };
            return "encoding " + (charset.equals(StandardCharsets.UTF_8) ? bomLength > 0 ? "UTF-8 with BOM" : "UTF-8" : charset.name())
                    + ", delimiter " + d;
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEADER_LIMIT = 64 * 1024;

    private CsvSniffer() {
    }

    public static Dialect sniff(Path file) throws IOException {
        byte[] head;
        boolean utf8;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_LIMIT);
        }
        int bom = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        if (head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
            throw new MalformedFileException(file + ": the file is UTF-16; save it as UTF-8 CSV");
        }
        if (isBlank(head, bom)) {
            throw new MalformedFileException(file + ": the file is empty");
        }
        try (InputStream in = Files.newInputStream(file)) {
            utf8 = scan(file, in);
        }
        Charset charset = utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        String text = new String(head, bom, head.length - bom, charset);
        return new Dialect(charset, bom, delimiter(text));
    }

    private static boolean isBlank(byte[] head, int from) {
        for (int i = from; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Streams the file: true when it is valid UTF-8. Fails on binary content (NUL bytes, or many
     * control characters), which no spreadsheet export holds.
     */
    private static boolean scan(Path file, InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        boolean valid = true;
        int pending = 0; // continuation bytes still expected
        long controls = 0;
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (b == 0) {
                    throw new MalformedFileException(file + ": binary content (a NUL byte at offset " + (total + i) + "): not a CSV text file");
                }
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                    controls++;
                }
                if (!valid) {
                    continue;
                }
                if (pending > 0) {
                    if ((b & 0xc0) != 0x80) {
                        valid = false;
                    }
                    pending--;
                } else if (b >= 0x80) {
                    if ((b & 0xe0) == 0xc0 && b >= 0xc2) {
                        pending = 1;
                    } else if ((b & 0xf0) == 0xe0) {
                        pending = 2;
                    } else if ((b & 0xf8) == 0xf0 && b <= 0xf4) {
                        pending = 3;
                    } else {
                        valid = false;
                    }
                }
            }
            total += n;
            if (total >= 4096 && controls * 100 > total) {
                throw new MalformedFileException(file + ": binary content (" + controls + " control characters in the first "
                        + total + " bytes): not a CSV text file");
            }
        }
        if (total > 0 && total < 4096 && controls * 20 > total) {
            throw new MalformedFileException(file + ": binary content (" + controls + " control characters): not a CSV text file");
        }
        return valid && pending == 0;
    }

    /** The delimiter that splits the header line into the most columns, outside quotes. */
    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}
