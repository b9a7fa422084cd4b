package org.atlascitoyen.mapservice.tiles;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.RecordPaths;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.webapp.BasemapProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tiles described for GIS clients: a TileJSON document per kind ({@code /tiles/actors.json})
 * and a MapLibre style drawing both kinds over the configured base map ({@code /tiles/style.json}).
 * URLs are absolute, built from the request, so the documents work wherever the service is reached.
 */
@RestController
class TileJsonController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();
    /** Fallback colours of a code the web config does not know, as recordLook() in config.js. */
    private static final String OTHER_ACTOR = "#616161";
    private static final String OTHER_INITIATIVE = "#37474f";

    private final TileRepository tiles;
    private final AtlasProperties limits;
    private final BasemapProperties basemap;
    private final MapColours colours = MapColours.load();

    TileJsonController(TileRepository tiles, AtlasProperties limits, BasemapProperties basemap) {
        this.tiles = tiles;
        this.limits = limits;
        this.basemap = basemap;
    }

    @GetMapping(value = "/tiles/" + RecordPaths.KIND + ".json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TileJson> tileJson(@PathVariable("recordKind") RecordKind kind, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CACHE).body(describe(kind, base(request)));
    }

    @GetMapping(value = "/tiles/style.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MapStyle> style(HttpServletRequest request) {
        String base = base(request);
        Map<String, MapStyle.Source> sources = new LinkedHashMap<>();
        List<MapStyle.Layer> layers = new ArrayList<>();
        layers.add(new MapStyle.Layer("fond", "background", null, null, null, Map.of("background-color", "#fbf8f1")));
        String url = basemap.url() == null ? "" : basemap.url().strip();
        if (!url.isEmpty()) {
            sources.put("fond-de-carte", new MapStyle.Source("raster", null, rasterTiles(url), 256, basemap.maxZoom(),
                    basemap.attribution()));
            layers.add(new MapStyle.Layer("fond-de-carte", "raster", "fond-de-carte", null, null, Map.of()));
        }
        // Initiatives under actors, as on the web map; each kind's clusters, then its single records.
        for (RecordKind kind : List.of(RecordKind.INITIATIVE, RecordKind.ACTOR)) {
            String id = kind.path();
            sources.put(id, new MapStyle.Source("vector", base + "/tiles/" + id + ".json", null, null, null, null));
            boolean actor = kind == RecordKind.ACTOR;
            layers.add(new MapStyle.Layer(id + "-groupes", "circle", id, id, List.of(">", List.of("get", "count"), 1),
                    Map.of("circle-color", actor ? "rgba(0, 84, 122, 0.9)" : "rgba(84, 38, 110, 0.9)",
                            // The web map's cluster marker: 26 + 6 log10(count) pixels across.
                            "circle-radius", List.of("+", 13, List.of("*", 3, List.of("log10", List.of("get", "count")))),
                            "circle-stroke-color", "#ffffff", "circle-stroke-width", 2)));
            layers.add(new MapStyle.Layer(id, "circle", id, id, List.of("==", List.of("get", "count"), 1),
                    Map.of("circle-color", match(TileSql.kindColumn(kind),
                                    actor ? colours.actorTypes() : colours.initiativeStatuses(),
                                    actor ? OTHER_ACTOR : OTHER_INITIATIVE),
                            "circle-radius", 7, "circle-stroke-color", "#ffffff", "circle-stroke-width", 2)));
        }
        return ResponseEntity.ok().cacheControl(CACHE).body(new MapStyle(8, "Atlas Citoyen", sources, layers));
    }

    private TileJson describe(RecordKind kind, String base) {
        List<Double> bounds = tiles.regionBounds();
        int maxZoom = limits.tileMaxZoom();
        List<Double> center = List.of((bounds.get(0) + bounds.get(2)) / 2, (bounds.get(1) + bounds.get(3)) / 2, 7.0);
        return new TileJson(TileJson.VERSION, "Atlas Citoyen : " + kind.title(), kind.description(),
                "<a href=\"" + base + "/api/sources\">Atlas Citoyen et ses sources</a>", "xyz",
                List.of(base + "/tiles/" + kind.path() + "/{z}/{x}/{y}.pbf"), 0, maxZoom, bounds, center,
                List.of(new TileJson.VectorLayer(kind.path(), kind.title() + " : un point par " + kind.table()
                        + " à partir du zoom " + limits.tileClusterBelowZoom() + ", des groupes (count > 1) en dessous",
                        0, maxZoom, fields(kind))));
    }

    /** The attributes of a feature as mvt.sql encodes them (a group has only count). */
    static Map<String, String> fields(RecordKind kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("count", "Number");
        fields.put("id", "Number");
        fields.put("name", "String");
        fields.put(TileSql.kindColumn(kind), "String");
        fields.put("themes", "String");
        return fields;
    }

    /** {@code ["match", ["get", property], code, colour, ..., fallback]}. */
    private static List<Object> match(String property, Map<String, String> colours, String fallback) {
        List<Object> match = new ArrayList<>(List.of("match", List.of("get", property)));
        colours.forEach((code, colour) -> {
            match.add(code);
            match.add(colour);
        });
        match.add(fallback);
        return match;
    }

    /** MapLibre has no {s} placeholder: a Leaflet template with one becomes its three hosts. */
    private static List<String> rasterTiles(String template) {
        if (!template.contains("{s}")) {
            return List.of(template);
        }
        return List.of("a", "b", "c").stream().map(s -> template.replace("{s}", s)).toList();
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
