package org.atlascitoyen.importers.schedule;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;

/**
 * A directory source that the map service downloads and imports again every {@code refresh}
 * ({@code scheduled_source}). Its mapping is kept in the database, so that any instance can run it.
 *
 * @param mapping     the mapping file's text (YAML or JSON), or null for formats that need none
 * @param mappingFile where that text was read from, for the listing
 * @param lastStatus  succeeded, unchanged or failed; null before the first run
 */
public record ScheduledSource(String name, RecordKind kind, ImportRequest.Format format, URI url, String mapping,
                              String mappingFile, boolean keepOutOfRegion, Duration refresh, Instant nextDue,
                              Instant lastRunAt, String lastStatus, String lastMessage, Long lastRunId) {

    /** The shortest refresh period accepted (the table checks it too). */
    public static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    public ScheduledSource {
        if (refresh.compareTo(MIN_REFRESH) < 0) {
            throw new IllegalArgumentException("refresh period " + refresh + ": at least " + MIN_REFRESH + " (PT1M)");
        }
    }

    /** A new source to schedule, due at once. */
    public static ScheduledSource of(ImportRequest request, String mapping, Duration refresh) {
        return new ScheduledSource(request.source(), request.kind(), request.format(), request.url(), mapping,
                request.mapping() == null ? null : request.mapping().toString(), request.keepOutOfRegion(), refresh,
                null, null, null, null, null);
    }
}
