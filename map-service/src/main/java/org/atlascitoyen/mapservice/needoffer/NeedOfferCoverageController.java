package org.atlascitoyen.mapservice.needoffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/needs-offers/coverage?level=bassin_vie|epci[&theme=][&resource=]}: per territory
 * of the level, the open needs placed in it, the open offers covering it and the unmet needs (no
 * covering offer shares a theme with them), as GeoJSON with the territories' simplified polygons
 * (territory_display, as the other coverage endpoints); ETag of the data version.
 */
@RestController
class NeedOfferCoverageController {

    private static final String COVERAGE = SqlResource.statement("sql/need-offer/coverage.sql");
    private static final Set<String> LEVELS = Set.of("bassin_vie", "epci");
    private static final String RESOURCES = "SELECT code FROM need_offer_resource";

    private final JdbcClient jdbc;
    private final Vocabularies vocabularies;
    private final DataEtags etags;
    private final CacheControl cacheControl;

    NeedOfferCoverageController(JdbcClient jdbc, Vocabularies vocabularies, DataEtags etags, AtlasProperties limits) {
        this.jdbc = jdbc;
        this.vocabularies = vocabularies;
        this.etags = etags;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.tileMaxAgeSeconds())).cachePublic();
    }

    @GetMapping(value = "/api/needs-offers/coverage", produces = {"application/geo+json", "application/json"})
    ResponseEntity<Object> coverage(@RequestParam(required = false) String level, @RequestParam(required = false) List<String> theme,
                                    @RequestParam(required = false) String resource,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (level == null || !LEVELS.contains(level)) {
            throw new BadParameterException("level", "bassin_vie or epci");
        }
        Set<String> themes = new LinkedHashSet<>();
        if (theme != null) {
            for (String value : theme) {
                for (String code : value.split(",", -1)) {
                    if (!vocabularies.themes().containsKey(code.strip())) {
                        throw new BadParameterException("theme", "Not a theme code: " + code);
                    }
                    themes.add(code.strip());
                }
            }
        }
        if (resource != null && !jdbc.sql(RESOURCES).query(String.class).list().contains(resource)) {
            throw new BadParameterException("resource", "Not a code of need_offer_resource: " + resource);
        }
        String themeList = themes.isEmpty() ? null : String.join(",", themes);
        String etag = etags.of("needs-offers/coverage?level=" + level + "&theme=" + themeList + "&resource=" + resource);
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        List<NeedOfferCoverage.Feature> features = new ArrayList<>();
        // level is one of two constants, checked above.
        jdbc.sql(COVERAGE.replace("${level}", level)).param("themes", themeList).param("resource", resource)
                .param("withGeometry", true).query(rs -> {
                    String code = rs.getString("code");
                    features.add(new NeedOfferCoverage.Feature(level + ":" + code, new NeedOfferCoverage(level, code,
                            rs.getString("name"), rs.getLong("needs"), rs.getLong("offers"), rs.getLong("unmet")),
                            rs.getString("geojson")));
                });
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl)
                .contentType(MediaType.parseMediaType("application/geo+json")).body(new NeedOfferCoverage.Collection(features));
    }
}
