package org.atlascitoyen.importers.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} (text format), buffering a few
 * hundred kilobytes at a time: the fastest way into PostgreSQL, and memory stays flat.
 *
 * <p>Values: {@code null} becomes NULL, a {@link Collection} a text array, anything else its
 * {@code toString()}.
 */
public final class CopyRows implements AutoCloseable {

    private static final int FLUSH_BYTES = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private long rows;

    public CopyRows(Connection connection, String table, String... columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    public void row(Object... values) throws SQLException {
        encode(buffer, values);
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    /**
     * Appends one row in COPY text format to {@code out}: for rows encoded on other threads and
     * sent with {@link #write}.
     */
    public static void encode(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values[i]);
        }
        out.append('\n');
    }

    /**
     * Sends rows {@link #encode}d elsewhere, whole (COPY text, UTF-8), after what is buffered.
     * Threads may call it concurrently: each call's rows stay together.
     */
    public synchronized void write(byte[] encodedRows, int count) throws SQLException {
        flush();
        copy.writeToCopy(encodedRows, 0, encodedRows.length);
        rows += count;
    }

    public long rows() {
        return rows;
    }

    private static void appendValue(StringBuilder buffer, Object value) {
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof Collection<?> items) {
            StringBuilder array = new StringBuilder("{");
            for (Object item : items) {
                if (array.length() > 1) {
                    array.append(',');
                }
                array.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            appendText(buffer, array.append('}').toString());
        } else {
            appendText(buffer, value.toString());
        }
    }

    private static void appendText(StringBuilder buffer, String text) {
        int plain = 0; // most values need no escape: appended whole, not char by char
        while (plain < text.length() && !special(text.charAt(plain))) {
            plain++;
        }
        buffer.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is buffered and ends the COPY. */
    @Override
    public synchronized void close() throws SQLException {
        if (copy.isActive()) {
            flush();
            copy.endCopy();
        }
    }
}
