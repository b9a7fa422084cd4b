package org.atlascitoyen.importers.directory;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;

/**
 * One directory import: which file, in which format, from which source, and how.
 *
 * @param file            the file to read; for a source downloaded from {@code url}, the downloaded
 *                        file (null until it is downloaded)
 * @param keepOutOfRegion keep records located outside the region, flagged, instead of rejecting them
 * @param partial         the file is an extract: records it lacks are not marked as no longer seen
 * @param rejects         where to write the reject CSV (null: next to the input; for a URL,
 *                        SOURCE.rejects.csv in the current directory)
 * @param licence         the source's licence as given on the command line; it wins over the
 *                        mapping file's, value by value ({@link SourceLicence#NONE}: none given)
 * @param url             where the file was downloaded from (null: a local file)
 */
public record ImportRequest(RecordKind kind, String source, Format format, Path file, Path mapping,
                            boolean keepOutOfRegion, boolean partial, Path rejects, SourceLicence licence, URI url) {

    /** The formats a directory can come in; events come from iCalendar files (ICS) only. */
    public enum Format {
        CSV, GEOJSON, GOGOCARTO, RNA, ICS;

        public static Format parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + name + "': expected csv, geojson, gogocarto, rna or ics");
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public ImportRequest {
        licence = licence == null ? SourceLicence.NONE : licence;
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("source name '" + source
                    + "': use 1 to 100 lower-case letters, digits, '.', '_' or '-' (e.g. reseau-tiers-lieux)");
        }
        if ((format == Format.CSV || format == Format.GEOJSON) && mapping == null) {
            throw new IllegalArgumentException("format " + format.key() + " needs --mapping FILE (see importers/README.md)");
        }
        if (format == Format.RNA && kind != RecordKind.ACTOR) {
            throw new IllegalArgumentException("the RNA lists associations: import it as actors");
        }
        if ((format == Format.ICS) != (kind == RecordKind.EVENT)) {
            throw new IllegalArgumentException(kind == RecordKind.EVENT
                    ? "events are imported from iCalendar files: --format ics"
                    : "an iCalendar file holds events: import it with ./atlas import events --format ics");
        }
        if (kind == RecordKind.PERSON) {
            // A resource person is listed only with their own consent (V17): never from a directory.
            throw new IllegalArgumentException("resource persons are not imported: each one signs up with consent");
        }
    }

    /** A request for a local file that gives no licence on the command line (the mapping file may). */
    public ImportRequest(RecordKind kind, String source, Format format, Path file, Path mapping,
                         boolean keepOutOfRegion, boolean partial, Path rejects) {
        this(kind, source, format, file, mapping, keepOutOfRegion, partial, rejects, SourceLicence.NONE, null);
    }

    /** A request for a local file with the licence given on the command line. */
    public ImportRequest(RecordKind kind, String source, Format format, Path file, Path mapping,
                         boolean keepOutOfRegion, boolean partial, Path rejects, SourceLicence licence) {
        this(kind, source, format, file, mapping, keepOutOfRegion, partial, rejects, licence, null);
    }

    /** A request for a source at {@code url}, without a licence on the command line. */
    public ImportRequest(RecordKind kind, String source, Format format, Path file, Path mapping,
                         boolean keepOutOfRegion, boolean partial, Path rejects, URI url) {
        this(kind, source, format, file, mapping, keepOutOfRegion, partial, rejects, SourceLicence.NONE, url);
    }

    /** The same request reading {@code downloaded}, the file fetched from {@link #url()}. */
    public ImportRequest withFile(Path downloaded) {
        return new ImportRequest(kind, source, format, downloaded, mapping, keepOutOfRegion, partial, rejects, licence, url);
    }

    /** What the run read, as its report and import_run say it: the URL, else the file's absolute path. */
    public String origin() {
        return url != null ? url.toString() : DirectoryImportReport.name(file);
    }

    public static ImportRequest of(RecordKind kind, String source, Format format, Path file, Path mapping) {
        return new ImportRequest(kind, source, format, file, mapping, false, false, null);
    }

    /** The reject file: the one asked for, else INPUT.rejects.csv next to the input. */
    public Path rejectsFile() {
        if (rejects != null) {
            return rejects;
        }
        if (url != null) {
            return Path.of(source + ".rejects.csv"); // not next to a temporary download, which is deleted
        }
        String name = file.getFileName().toString();
        return file.resolveSibling(name + ".rejects.csv");
    }
}
