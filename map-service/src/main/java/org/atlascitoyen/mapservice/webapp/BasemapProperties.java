package org.atlascitoyen.mapservice.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The raster tiles the web map draws under its vector base ({@code atlas.basemap.*}, set like the
 * settings of {@link org.atlascitoyen.mapservice.system.AtlasProperties}, e.g. by
 * {@code ATLAS_BASEMAP_URL}; the defaults below are the only ones). OpenStreetMap's servers suit
 * a low-traffic site (their tile usage policy); a busy or intranet deployment points {@code url}
 * at its own tile server, or empties it to draw the vector base alone.
 *
 * @param url         Leaflet URL template ({@code {z}/{x}/{y}}, optional {@code {s}}); empty for none
 * @param attribution HTML credit line the tile provider requires
 * @param maxZoom     the deepest zoom the tile server serves
 */
@ConfigurationProperties("atlas.basemap")
public record BasemapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String url,
        @DefaultValue("© <a href=\"https://www.openstreetmap.org/copyright\">les contributeurs d’OpenStreetMap</a>") String attribution,
        @DefaultValue("19") int maxZoom) {
}
