package org.atlascitoyen.importers.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Deque;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.remote.Download;
import org.atlascitoyen.importers.source.SourceLicence;

/** The options of {@code ./atlas import actors|initiatives}; the input is a FILE or an http(s) URL. */
final class DirectoryOptions {

    private DirectoryOptions() {
    }

    static ImportRequest parse(RecordKind kind, Deque<String> args) {
        String source = null;
        ImportRequest.Format format = null;
        Path mapping = null;
        Path rejects = null;
        Path file = null;
        URI url = null;
        boolean keepOutOfRegion = false;
        boolean partial = false;
        String licence = null;
        String licenceUrl = null;
        String attribution = null;
        while (!args.isEmpty()) {
            String arg = args.pop();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--source" -> source = value(arg, args);
                case "--format" -> format = ImportRequest.Format.parse(value(arg, args));
                case "--mapping" -> mapping = Path.of(value(arg, args));
                case "--rejects" -> rejects = Path.of(value(arg, args));
                case "--keep-out-of-region" -> keepOutOfRegion = true;
                case "--partial" -> partial = true;
                case "--licence", "--license" -> licence = value(arg, args);
                case "--licence-url", "--license-url" -> licenceUrl = value(arg, args);
                case "--attribution" -> attribution = value(arg, args);
                default -> {
                    if (arg.startsWith("--") || file != null || url != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + AtlasImport.USAGE);
                    }
                    if (Download.isUrl(arg)) {
                        url = Download.parseUrl(arg);
                    } else {
                        file = Path.of(arg);
                    }
                }
            }
        }
        if (kind == RecordKind.EVENT) {
            // A calendar names itself: its source defaults to the file's or the host's name.
            format = format == null ? ImportRequest.Format.ICS : format;
            source = source != null ? source : defaultSource(file, url);
        }
        if ((file == null && url == null) || source == null || format == null) {
            throw new IllegalArgumentException("import " + kind.path() + " needs --source NAME, --format FORMAT and a FILE or URL\n"
                    + AtlasImport.USAGE);
        }
        return new ImportRequest(kind, source, format, file, mapping, keepOutOfRegion, partial, rejects,
                SourceLicence.of(licence, licenceUrl, attribution), url);
    }

    /** {@code agenda-tiers-lieux} for {@code agenda-tiers-lieux.ics}, {@code agenda.example.org} for a URL. */
    static String defaultSource(Path file, URI url) {
        String base = url != null ? String.valueOf(url.getHost()) : file == null ? "" : file.getFileName().toString();
        String name = base.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.ics$", "").replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        return name.isEmpty() ? "agenda" : name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String value(String arg, Deque<String> args) {
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            return arg.substring(eq + 1);
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException(arg + " needs a value\n" + AtlasImport.USAGE);
        }
        return args.pop();
    }
}
