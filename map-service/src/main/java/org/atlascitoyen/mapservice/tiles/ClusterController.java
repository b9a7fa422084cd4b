package org.atlascitoyen.mapservice.tiles;

import java.time.Duration;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.RecordPaths;
import org.atlascitoyen.mapservice.record.ListFormat;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clusters of the tiles as GeoJSON, for clients that draw GeoJSON: the cells of {@code zoom}
 * that meet {@code bbox}, each with all its records (as the tiles show them), under the filters
 * of the lists. The literal {@code /clusters} wins over {@code /api/actors/{id}}.
 */
@RestController
class ClusterController {

    private final TileRepository tiles;
    private final FilterParser filters;
    private final DataEtags etags;
    private final AtlasProperties limits;
    private final CacheControl cacheControl;

    ClusterController(TileRepository tiles, FilterParser filters, DataEtags etags, AtlasProperties limits) {
        this.tiles = tiles;
        this.filters = filters;
        this.etags = etags;
        this.limits = limits;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.tileMaxAgeSeconds())).cachePublic();
    }

    @GetMapping(value = "/api/" + RecordPaths.KIND + "/clusters", produces = {"application/geo+json", "application/json"})
    ResponseEntity<ClusterCollection> clusters(@PathVariable("recordKind") RecordKind kind, FilterParams params, @RequestParam int zoom,
                                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (zoom < 0 || zoom > limits.tileMaxZoom()) {
            throw new BadParameterException("zoom", "zoom is from 0 to " + limits.tileMaxZoom() + ", got " + zoom);
        }
        String etag = etags.of("clusters/" + kind.path() + "?zoom=" + zoom + "&" + params.canonical());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        Filter filter = filters.parse(kind, params);
        if (filter.bbox() == null) {
            throw new BadParameterException("bbox", "bbox=minLon,minLat,maxLon,maxLat is required: the clusters of which area?");
        }
        Grid grid = Grid.covering(zoom, filter.bbox());
        if (grid.tiles() > limits.clustersMaxTiles()) {
            throw new BadParameterException("bbox", "This bbox spans " + grid.tiles() + " tiles at zoom " + zoom
                    + "; at most " + limits.clustersMaxTiles() + ": narrow it or lower the zoom");
        }
        ClusterCollection body = new ClusterCollection(zoom, tiles.clustered(zoom), tiles.clusters(grid, filter));
        return ResponseEntity.ok().contentType(ListFormat.GEOJSON_TYPE).eTag(etag).cacheControl(cacheControl).body(body);
    }
}
