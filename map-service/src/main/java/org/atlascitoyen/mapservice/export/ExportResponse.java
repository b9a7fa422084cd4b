package org.atlascitoyen.mapservice.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The HTTP side of an export. Nothing is sent until the query has produced its first row (or
 * ended without any): until then, any failure (a timeout while the database sorts, say) is still
 * answered as problem details instead of a file. Then the status, the media type and the file
 * name, an RFC 8288 {@code Link: <url>; rel="license"} per licence of the export's sources, and
 * each row as it comes.
 */
final class ExportResponse<R> implements ExportQuery.Sink<R> {

    /** Opens the writer of a format on the response body. */
    @FunctionalInterface
    interface Writers<R> {
        ExportWriter<R> open(OutputStream out) throws IOException;
    }

    private final HttpServletResponse response;
    private final ExportFormat format;
    private final String fileName;
    private final Writers<R> writers;
    private final List<String> licenceUrls;
    private ExportWriter<R> writer;
    private long rows;

    ExportResponse(HttpServletResponse response, ExportFormat format, String fileName, List<String> licenceUrls,
                   Writers<R> writers) {
        this.response = response;
        this.licenceUrls = licenceUrls;
        this.format = format;
        this.fileName = fileName;
        this.writers = writers;
    }

    @Override
    public void accept(R row) throws IOException {
        if (writer == null) {
            start();
        }
        writer.write(row);
        rows++;
    }

    String fileName() {
        return fileName;
    }

    /** Rows written so far. */
    long rows() {
        return rows;
    }

    /** Ends the file; an export without rows is a file without records. */
    void finish() throws IOException {
        if (writer == null) {
            start();
        }
        writer.finish();
    }

    /** Lets the writer free what it holds (a GeoPackage's temporary file), whether or not it finished. */
    void close() {
        if (writer != null) {
            writer.abort();
        }
    }

    /** The status and headers of the file, without the file: the answer to a HEAD request. */
    void headersOnly() {
        headers();
    }

    /** Whether the response has begun: past this point a failure can only cut the file short. */
    boolean started() {
        return writer != null;
    }

    private void start() throws IOException {
        headers();
        writer = writers.open(response.getOutputStream());
    }

    private void headers() {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        licenceUrls.forEach(url -> response.addHeader(HttpHeaders.LINK, "<" + url + ">; rel=\"license\""));
    }
}
