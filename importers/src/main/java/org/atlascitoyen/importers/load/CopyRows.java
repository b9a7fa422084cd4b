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
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            appendValue(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    private void appendValue(Object value) {
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
            appendText(array.append('}').toString());
        } else {
            appendText(value.toString());
        }
    }

    private void appendText(String text) {
        for (int i = 0; i < text.length(); i++) {
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

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is buffered and ends the COPY. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            flush();
            copy.endCopy();
        }
    }
}
