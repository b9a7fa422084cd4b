package org.atlascitoyen.mapservice.export;

import java.io.IOException;

/** Writes the records of an export to a file format as they come, one at a time. */
interface ExportWriter<R> {

    void write(R row) throws IOException;

    /** Ends the file (closing brackets) and flushes it. */
    void finish() throws IOException;

    /** Lets go of what the writer holds when the export fails before {@link #finish()} (a temporary file). */
    default void abort() {
    }
}
