package org.atlascitoyen.mapservice.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker colours of the web map, read from its own settings module ({@code app/config.js}:
 * {@code ACTOR_TYPES} and {@code INITIATIVE_STATUSES}, each code with a {@code color}), so that the
 * MapLibre style draws records as the map does without a second copy of the palette to keep in
 * step. Read once, at start-up; a module without them fails the start (and {@code TileJsonIT}).
 */
final class MapColours {

    private static final String CONFIG = "static/app/config.js";
    private static final Pattern ENTRY = Pattern.compile("(\\w+):\\s*\\{[^}]*?color:\\s*'(#[0-9a-fA-F]{6})'");

    private final Map<String, String> actorTypes;
    private final Map<String, String> initiativeStatuses;

    private MapColours(Map<String, String> actorTypes, Map<String, String> initiativeStatuses) {
        this.actorTypes = actorTypes;
        this.initiativeStatuses = initiativeStatuses;
    }

    static MapColours load() {
        try (InputStream in = MapColours.class.getClassLoader().getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("No " + CONFIG + " on the class path (module atlas-web)");
            }
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new MapColours(block(js, "ACTOR_TYPES"), block(js, "INITIATIVE_STATUSES"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Code to colour of the object literal {@code export const NAME = { ... };}. */
    private static Map<String, String> block(String js, String name) {
        int start = js.indexOf("export const " + name + " = {");
        int end = start < 0 ? -1 : js.indexOf("\n};", start);
        if (end < 0) {
            throw new IllegalStateException(CONFIG + " has no " + name + " object");
        }
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(js.substring(start, end));
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        if (colours.isEmpty()) {
            throw new IllegalStateException(CONFIG + ": no colour in " + name);
        }
        return colours;
    }

    /** Actor type code to colour. */
    Map<String, String> actorTypes() {
        return actorTypes;
    }

    /** Initiative status code to colour. */
    Map<String, String> initiativeStatuses() {
        return initiativeStatuses;
    }
}
