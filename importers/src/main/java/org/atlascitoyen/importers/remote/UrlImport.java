package org.atlascitoyen.importers.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.ImportRequest;

/**
 * A directory import from a URL: a conditional download into a temporary file, the import of that
 * file, then the download's validators remembered for the next time. A 304 answer imports
 * nothing. The temporary file is deleted in every case.
 */
public final class UrlImport {

    /** What a run from a URL did. */
    public sealed interface Outcome {
        /** The file was downloaded and imported. */
        record Imported(DirectoryImportReport report) implements Outcome {
        }

        /** The server said the file had not changed since {@code since}: nothing was imported. */
        record Unchanged(String since) implements Outcome {
        }
    }

    private final DatabaseConfig db;
    private final DirectoryImport importer;
    private final Download download;
    private final Path workDirectory;

    /** @param workDirectory where the temporary downloads go */
    public UrlImport(DatabaseConfig db, DirectoryImport importer, Download download, Path workDirectory) {
        this.db = db;
        this.importer = importer;
        this.download = download;
        this.workDirectory = workDirectory;
    }

    /** Runs a request whose {@link ImportRequest#url()} is set. */
    public Outcome run(ImportRequest request) throws SQLException, IOException {
        if (request.url() == null) {
            throw new IllegalArgumentException("not a URL import: " + request.file());
        }
        String url = request.url().toString();
        SourceDownloads.Previous previous;
        try (Connection c = db.connect()) {
            previous = SourceDownloads.previous(c, request.source(), url);
        }
        Files.createDirectories(workDirectory);
        Download.Result result = download.fetch(request.url(), previous.validators(), workDirectory, suffix(request));
        if (result instanceof Download.Result.NotModified) {
            try (Connection c = db.connect()) {
                SourceDownloads.checked(c, request.source(), url);
            }
            return new Outcome.Unchanged(previous.since());
        }
        Download.Result.Fetched fetched = (Download.Result.Fetched) result;
        try {
            DirectoryImportReport report = importer.run(request.withFile(fetched.file()));
            // After the commit: a run that failed is downloaded in full again next time.
            try (Connection c = db.connect()) {
                SourceDownloads.remember(c, request.source(), url, fetched.validators());
            }
            return new Outcome.Imported(report);
        } finally {
            Files.deleteIfExists(fetched.file());
        }
    }

    private static String suffix(ImportRequest request) {
        return switch (request.format()) {
            case CSV, RNA -> ".csv";
            case GEOJSON -> ".geojson";
            case GOGOCARTO -> ".json";
            case ICS -> ".ics";
        };
    }
}
