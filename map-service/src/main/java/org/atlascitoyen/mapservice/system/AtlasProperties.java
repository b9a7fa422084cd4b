package org.atlascitoyen.mapservice.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit and default of the service, in one place: the defaults below are the only ones
 * (application.properties does not repeat them). Each setting {@code atlas.kebab-name} can be set
 * like any Spring property: the environment variable {@code ATLAS_KEBAB_NAME} (Spring Boot's
 * relaxed binding), {@code --atlas.kebab-name=} on the command line, or a properties file. The
 * README lists them with their variables; {@code AtlasPropertiesTest} keeps that list in step.
 *
 * @param searchLimitDefault territories returned by a search when {@code limit} is not given
 * @param searchLimitMax     the largest {@code limit} a search accepts
 * @param simplifyMaxMetres  the largest {@code simplify} tolerance accepted for geometries
 * @param projectedSrid      metric projection of the region, used to simplify in metres
 *                           (2154, Lambert-93, for metropolitan France)
 * @param listLimitDefault   records in a page of /api/actors and /api/initiatives when
 *                           {@code limit} is not given
 * @param listLimitMax       the largest {@code limit} those lists accept
 * @param countMax           lists count their matches exactly up to this many; past it they say
 *                           "more than" it (0: always exact, whatever it costs)
 * @param nearRadiusDefault  metres around {@code near} when {@code radius} is not given
 * @param nearRadiusMax      the largest {@code radius} accepted, in metres
 * @param ogcLimitDefault    features in a page of /ogc/collections/{id}/items when {@code limit}
 *                           is not given (10, as OGC API Features suggests)
 * @param ogcLimitMax        the largest page it serves; a larger {@code limit} is lowered to it,
 *                           not refused, as the standard asks
 * @param exportMaxRows      the most records an export holds; above it the export is refused
 *                           (400) before it starts, never cut short
 * @param exportStatementTimeoutMs statement timeout of an export's query, in place of the pool's
 *                           (an export reads and sorts more rows than any page)
 * @param exportMaxConcurrent exports running at once; each holds a database connection while it
 *                           downloads, so this keeps the rest of the pool for the API
 * @param tileMaxZoom        the deepest zoom of /tiles (z from 0 to it)
 * @param tileClusterBelowZoom tiles and clusters below this zoom group records in grid cells; from
 *                           it on, each record is a point
 * @param tileMaxAgeSeconds  how long clients and caches may keep a tile without asking again
 * @param tileCacheMegabytes memory for the most recently rendered tiles (0: no cache)
 * @param clustersMaxTiles   the most tiles (of its zoom) the bbox of /api/.../clusters may span
 * @param territoryMaxAgeSeconds how long clients and caches may keep a territory's geometry
 * @param dataVersionPollMs  how often the version of the published data (the ETags of tiles and
 *                           territories) is read again, in milliseconds: after an import,
 *                           responses name the previous version for at most that long
 */
@ConfigurationProperties("atlas")
public record AtlasProperties(
        @DefaultValue("20") int searchLimitDefault,
        @DefaultValue("100") int searchLimitMax,
        @DefaultValue("10000") int simplifyMaxMetres,
        @DefaultValue("2154") int projectedSrid,
        @DefaultValue("100") int listLimitDefault,
        @DefaultValue("1000") int listLimitMax,
        @DefaultValue("10000") long countMax,
        @DefaultValue("10000") int nearRadiusDefault,
        @DefaultValue("200000") int nearRadiusMax,
        @DefaultValue("10") int ogcLimitDefault,
        @DefaultValue("10000") int ogcLimitMax,
        @DefaultValue("1000000") long exportMaxRows,
        @DefaultValue("120000") long exportStatementTimeoutMs,
        @DefaultValue("3") int exportMaxConcurrent,
        @DefaultValue("20") int tileMaxZoom,
        @DefaultValue("13") int tileClusterBelowZoom,
        @DefaultValue("60") int tileMaxAgeSeconds,
        @DefaultValue("64") int tileCacheMegabytes,
        @DefaultValue("256") int clustersMaxTiles,
        @DefaultValue("3600") int territoryMaxAgeSeconds,
        @DefaultValue("5000") long dataVersionPollMs) {
}
