package org.atlascitoyen.mapservice.export;

/**
 * A failure after an export's file has begun (the database went away, a later fetch timed out).
 * The status and headers are sent, so it cannot become problem details; {@link ExportController}
 * lets it reach the servlet container, which closes the connection without ending the chunked
 * body: the client sees the transfer fail instead of a file that looks complete.
 */
final class ExportCutShort extends RuntimeException {

    ExportCutShort(String fileName, long rows, Throwable cause) {
        super("Export " + fileName + " cut short after " + rows + " rows: " + cause.getMessage(), cause);
    }
}
