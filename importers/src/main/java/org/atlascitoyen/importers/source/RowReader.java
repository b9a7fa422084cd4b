package org.atlascitoyen.importers.source;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the records of one input file in order, one at a time, so that memory does not grow with
 * the file. Structural problems (not the format, broken quoting, a required column missing) throw
 * {@link org.atlascitoyen.importers.load.MalformedFileException}; problems of one row are left to
 * the cleaner and reported per row.
 */
public interface RowReader {

    /** What to do with each row. */
    @FunctionalInterface
    interface Handler {
        void accept(SourceRow row) throws SQLException;
    }

    void read(Handler handler) throws IOException, SQLException;

    /** What a row's number counts: "line" in text formats, "element" (1-based) in JSON ones. */
    default String position() {
        return "line";
    }

    /** How far into the file the reader is, in bytes, for progress. */
    long bytesRead();

    /** What the reader noticed about the file as a whole (encoding, ignored columns...). */
    List<String> notes();
}
