package org.atlascitoyen.mapservice.webapp;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the web map needs to know of the deployment: today, its raster base map. */
@RestController
class MapSettingsController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10));

    private final BasemapProperties basemap;

    MapSettingsController(BasemapProperties basemap) {
        this.basemap = basemap;
    }

    /** The settings of the map page; {@code basemap.url} is null when the map draws no raster tiles. */
    record MapSettings(Basemap basemap) {
    }

    record Basemap(String url, String attribution, int maxZoom) {
    }

    @GetMapping(value = "/api/map-settings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MapSettings> settings() {
        String url = basemap.url() == null || basemap.url().isBlank() ? null : basemap.url().strip();
        return ResponseEntity.ok().cacheControl(CACHE)
                .body(new MapSettings(new Basemap(url, basemap.attribution(), basemap.maxZoom())));
    }
}
