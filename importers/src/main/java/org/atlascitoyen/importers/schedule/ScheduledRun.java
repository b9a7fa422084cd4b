package org.atlascitoyen.importers.schedule;

import java.time.Instant;
import java.util.Locale;
import org.atlascitoyen.importers.directory.DirectoryImportReport;

/**
 * What one scheduled run of a source did.
 *
 * @param status  succeeded (downloaded and imported), unchanged (the server answered 304) or failed
 * @param message the figures, "unchanged since ...", or the error in one sentence
 * @param report  the import's report when an import ran, else null
 */
public record ScheduledRun(ScheduledSource source, Instant startedAt, String status, String message,
                           DirectoryImportReport report) {

    public static final String SUCCEEDED = "succeeded";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(status);
    }

    /** The figures of an import in one line: added, changed, no longer seen first. */
    static String figures(DirectoryImportReport r) {
        return String.format(Locale.ROOT, "added %d, changed %d, no longer seen %d (read %d, unchanged %d, merged %d, rejected %d)",
                r.inserted(), r.updated(), r.noLongerSeen(), r.read(), r.unchanged(), r.merged(), r.rejected());
    }
}
