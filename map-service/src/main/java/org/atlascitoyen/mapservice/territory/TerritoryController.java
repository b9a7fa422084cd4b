package org.atlascitoyen.mapservice.territory;

import java.time.Duration;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.SearchText;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The territory API: which territories contain a point, one territory with its geometry, its
 * members, and a search by name, code or postcode. A territory carries an ETag and Cache-Control
 * (its geometry is large and changes only with a territory import): a request naming the current
 * ETag gets a 304 without any database query.
 */
@RestController
@RequestMapping("/api/territories")
class TerritoryController {

    private static final String GEOJSON = "application/geo+json";

    private final TerritoryRepository territories;
    private final TerritoryKeys keys;
    private final AtlasProperties limits;
    private final DataEtags etags;
    private final CacheControl cacheControl;

    TerritoryController(TerritoryRepository territories, TerritoryKeys keys, AtlasProperties limits, DataEtags etags) {
        this.territories = territories;
        this.keys = keys;
        this.limits = limits;
        this.etags = etags;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.territoryMaxAgeSeconds())).cachePublic();
    }

    @GetMapping(value = "/at", produces = MediaType.APPLICATION_JSON_VALUE)
    TerritoryAt at(@RequestParam double lon, @RequestParam double lat) {
        requireRange("lon", lon, -180, 180);
        requireRange("lat", lat, -90, 90);
        return new TerritoryAt(lon, lat, territories.at(lon, lat));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    TerritorySearch search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        TerritoryKind k = kind == null || kind.isBlank() ? null : TerritoryKind.parse(kind, "kind");
        String query = SearchText.of("q", q);
        int n = limit == null ? limits.searchLimitDefault() : limit;
        if (n < 1 || n > limits.searchLimitMax()) {
            throw new BadParameterException("limit", "limit must be between 1 and " + limits.searchLimitMax() + ", got " + n);
        }
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new BadParameterException("offset", "offset must be 0 or more, got " + skip);
        }
        return new TerritorySearch(query, k == null ? null : k.key(), n, skip, territories.search(query, k, n, skip));
    }

    /**
     * Every territory of a kind as display outlines, for maps that draw them all (the web map's
     * EPCI boundaries, or a GIS). Same ETag and caching as one territory.
     */
    @GetMapping(value = "/outlines", produces = {GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<TerritoryOutlines> outlines(@RequestParam String kind,
                                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TerritoryKind k = TerritoryKind.parse(kind, "kind");
        String etag = etags.of("territories/outlines?kind=" + k.key());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEOJSON)).eTag(etag).cacheControl(cacheControl)
                .body(new TerritoryOutlines(k.key(), territories.outlines(k)));
    }

    @GetMapping(value = "/{kind}/{code}", produces = {GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<TerritoryFeature> one(@PathVariable String kind, @PathVariable String code,
                                         @RequestParam(defaultValue = "true") boolean geometry,
                                         @RequestParam(defaultValue = "0") int simplify,
                                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        TerritoryKind k = TerritoryKind.parse(kind, "kind");
        if (simplify < 0 || simplify > limits.simplifyMaxMetres()) {
            throw new BadParameterException("simplify", "simplify is a tolerance in metres between 0 and "
                    + limits.simplifyMaxMetres() + ", got " + simplify);
        }
        String etag = etags.of("territories/" + k.key() + "/" + code + "?geometry=" + geometry + "&simplify=" + simplify);
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        // A former code with one successor answers as it (header TerritoryKeys.HEADER says so).
        TerritoryRef current = keys.resolve(k, code, "code").orElseThrow(() -> notFound(k, code));
        TerritoryFeature territory = territories.find(k, current.code(), geometry, simplify).orElseThrow(() -> notFound(k, code));
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(territory);
    }

    @GetMapping(value = "/{kind}/{code}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    TerritoryMembers members(@PathVariable String kind, @PathVariable String code,
                             @RequestParam(required = false) String memberKind) {
        TerritoryKind k = TerritoryKind.parse(kind, "kind");
        TerritoryKind m = memberKind == null ? k.memberKinds().get(0) : TerritoryKind.parse(memberKind, "memberKind");
        if (!k.memberKinds().contains(m)) {
            throw new BadParameterException("memberKind", "A " + k.key() + " has no " + m.key() + " members; expected one of "
                    + k.memberKinds().stream().map(TerritoryKind::key).toList());
        }
        TerritoryRef territory = keys.resolve(k, code, "code").orElseThrow(() -> notFound(k, code));
        var members = territories.members(k, territory.code(), m);
        return new TerritoryMembers(territory, m.key(), members.size(), members);
    }

    private static void requireRange(String parameter, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new BadParameterException(parameter, parameter + " must be between " + (int) min + " and " + (int) max
                    + " (WGS84 degrees), got " + value);
        }
    }

    private static NotFoundException notFound(TerritoryKind kind, String code) {
        return new NotFoundException("No " + kind.key() + " with code '" + code + "'");
    }
}
