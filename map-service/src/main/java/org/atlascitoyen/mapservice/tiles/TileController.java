package org.atlascitoyen.mapservice.tiles;

import java.time.Duration;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.RecordPaths;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mapbox Vector Tiles of the records of each kind, with the filters of the lists (a tile's
 * own envelope replaces {@code bbox}): one layer named after the kind, clusters below
 * {@code atlas.tile-cluster-below-zoom}, single records from it on. An empty tile is a 204.
 *
 * <p>Tiles carry an ETag (data version, tile, normalised filter) and Cache-Control; a request
 * naming the current ETag gets a 304 without any database query, and rendered tiles are kept
 * in {@link TileCache}.
 */
@RestController
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final TileRepository tiles;
    private final TileCache cache;
    private final FilterParser filters;
    private final DataEtags etags;
    private final AtlasProperties limits;
    private final CacheControl cacheControl;

    TileController(TileRepository tiles, TileCache cache, FilterParser filters, DataEtags etags, AtlasProperties limits) {
        this.tiles = tiles;
        this.cache = cache;
        this.filters = filters;
        this.etags = etags;
        this.limits = limits;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.tileMaxAgeSeconds())).cachePublic();
    }

    @GetMapping("/tiles/" + RecordPaths.KIND + "/{z}/{x}/{y}.pbf")
    ResponseEntity<byte[]> tile(@PathVariable("recordKind") RecordKind kind, @PathVariable int z, @PathVariable int x,
                                @PathVariable int y, FilterParams params,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Tile tile = Tile.of(z, x, y, limits.tileMaxZoom());
        FilterParser.bbox(params.bbox()); // replaced by the tile, but a malformed one is still a 400
        String etag = etags.of("tiles/" + kind.path() + "/" + tile + "?" + params.withoutBbox().canonical());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        byte[] mvt = cache.get(etag, () -> tiles.tile(tile, filters.parse(kind, params)));
        if (mvt.length == 0) {
            return ResponseEntity.noContent().eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().contentType(MVT).eTag(etag).cacheControl(cacheControl).body(mvt);
    }
}
