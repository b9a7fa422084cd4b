package org.atlascitoyen.importers.territory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folder that holds the reference files (by default {@code ../shared/data} beside the
 * checkout), resolved against the source manifest.
 */
public record DataDirectory(Path root, SourceManifest manifest) {

    /** A source file found in the data directory, with the vintage the manifest gives it. */
    public record Found(String kind, Path file, String vintage) {
        public String fileName() {
            return file.getFileName().toString();
        }
    }

    public DataDirectory {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Data directory not found: " + root.toAbsolutePath()
                    + " (set ATLAS_DATA_DIR or pass --data DIR)");
        }
    }

    /**
     * The data directory to use when none is given: {@code ATLAS_DATA_DIR}, else
     * {@code ../shared/data} next to the project root ({@code ATLAS_ROOT} or the working directory).
     */
    public static Path defaultRoot(Map<String, String> env) {
        String configured = env.get("ATLAS_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String projectRoot = env.getOrDefault("ATLAS_ROOT", ".");
        return Path.of(projectRoot).toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
    }

    /** The first accepted file of this kind present in the directory. */
    public Optional<Found> find(String kind) {
        return manifest.source(kind).flatMap(source -> source.fileVintages().entrySet().stream()
                .map(e -> new Found(kind, root.resolve(e.getKey()), e.getValue()))
                .filter(found -> Files.isRegularFile(found.file()))
                .findFirst());
    }
}
