package org.atlascitoyen.importers.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of reference sources ({@code data/sources.json}, packaged as
 * {@code atlas/sources.json}): per kind of source, the file names accepted in the data directory
 * (first present wins) with their vintage, and where the original is published.
 */
public record SourceManifest(String region, List<Source> sources) {

    public static final String RESOURCE = "atlas/sources.json";

    /**
     * One kind of source: e.g. {@code commune-polygons}.
     *
     * @param formerCodes codes of an earlier list of this kind that records may still name, or null
     */
    public record Source(String kind, boolean required, Map<String, String> fileVintages, String url,
                         String producer, String license, FormerCodes formerCodes) {
    }

    /**
     * Codes an earlier list gave to territories that today's file names otherwise (a PETR slug
     * before its SIREN was known): the import maps each to the current territory of the same name.
     *
     * @param vintage what the earlier list was
     * @param reason  why a code changed
     * @param names   each former code and the territory's name
     */
    public record FormerCodes(String vintage, String reason, Map<String, String> names) {
    }

    public static SourceManifest load() {
        try (InputStream in = SourceManifest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Source manifest not found on the classpath: " + RESOURCE);
            }
            JsonNode root = JsonMapper.shared().readTree(in);
            List<Source> sources = root.path("sources").valueStream().map(SourceManifest::source).toList();
            return new SourceManifest(root.path("region").asString(), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Source source(JsonNode node) {
        Map<String, String> files = new LinkedHashMap<>();
        node.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asString()));
        JsonNode former = node.path("formerCodes");
        Map<String, String> formerNames = new LinkedHashMap<>();
        former.path("codes").properties().forEach(e -> formerNames.put(e.getKey(), e.getValue().asString()));
        return new Source(node.path("kind").asString(), node.path("required").asBoolean(false), files,
                node.path("url").asString(""), node.path("producer").asString(""), node.path("license").asString(""),
                former.isObject() ? new FormerCodes(former.path("vintage").asString(""), former.path("reason").asString(""),
                        formerNames) : null);
    }

    public Optional<Source> source(String kind) {
        return sources.stream().filter(s -> s.kind().equals(kind)).findFirst();
    }
}
