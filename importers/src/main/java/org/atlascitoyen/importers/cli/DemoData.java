package org.atlascitoyen.importers.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;
import org.atlascitoyen.importers.load.MalformedFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo directory of the project ({@code data/demo}): which files to import, in which order. */
public final class DemoData {

    private DemoData() {
    }

    /** {@code ATLAS_DEMO_DIR}, else {@code data/demo} of the project ({@code ATLAS_ROOT} or the working directory). */
    public static Path defaultDirectory(Map<String, String> env) {
        String dir = env.get("ATLAS_DEMO_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String root = env.get("ATLAS_ROOT");
        return (root == null || root.isBlank() ? Path.of("") : Path.of(root)).resolve("data/demo");
    }

    /** The imports listed in {@code demo.json}, paths resolved against the directory. */
    public static List<ImportRequest> load(Path dir) throws IOException {
        Path manifest = dir.resolve("demo.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no demo manifest at " + manifest.toAbsolutePath());
        }
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(manifest.toFile());
        } catch (JacksonException e) {
            throw new MalformedFileException(manifest + ": " + e.getOriginalMessage(), e);
        }
        List<ImportRequest> requests = new ArrayList<>();
        for (JsonNode entry : root.path("imports").values()) {
            RecordKind kind = RecordKind.byPath(entry.path("records").asString("")).orElse(RecordKind.ACTOR);
            String mapping = entry.path("mapping").asString(null);
            // A file without a mapping (a calendar) gives its licence here, as a mapping file does.
            JsonNode licence = entry.path("licence");
            requests.add(new ImportRequest(kind, entry.path("source").asString(null),
                    ImportRequest.Format.parse(entry.path("format").asString("")), dir.resolve(entry.path("file").asString("")),
                    mapping == null ? null : dir.resolve(mapping), false, false,
                    // The reject file of the demo goes to the build output, not into data/.
                    Path.of(System.getProperty("java.io.tmpdir"), "atlas-demo-" + entry.path("source").asString("") + ".rejects.csv"),
                    licence.isObject() ? SourceLicence.of(licence.path("name").asString(null), licence.path("url").asString(null),
                            licence.path("attribution").asString(null)) : SourceLicence.NONE));
        }
        return requests;
    }
}
