package org.atlascitoyen.mapservice.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage: per territory of a level (commune, EPCI, PETR, bassin de vie, département), the actors
 * and initiatives matching the filters of the lists, per 10,000 inhabitants, the themes present,
 * and the "zones blanches" where nothing matches. GeoJSON with simplified polygons for a
 * choropleth (the default), plain JSON, or CSV for a spreadsheet.
 *
 * <p>The filters are those of /api/actors and /api/initiatives, except that {@code type} only
 * narrows the actors and {@code status} only the initiatives: each applies to the records that
 * have it and leaves the other count alone.
 *
 * <p>Like tiles, it carries an ETag of the data version and the request: a client or cache that
 * sends it back gets a 304 without any query (a region's coverage costs ~300 ms at 200,000 actors).
 */
@RestController
@RequestMapping("/api/coverage")
class CoverageController {

    private final CoverageRepository coverage;
    private final FilterParser filters;
    private final DataEtags etags;
    private final CacheControl cacheControl;

    CoverageController(CoverageRepository coverage, FilterParser filters, DataEtags etags, AtlasProperties limits) {
        this.coverage = coverage;
        this.filters = filters;
        this.etags = etags;
        // Coverage changes with imports only, like tiles: the same freshness.
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.tileMaxAgeSeconds())).cachePublic();
    }

    @GetMapping(produces = {"application/geo+json", "application/json", "text/csv"})
    ResponseEntity<Object> coverage(FilterParams params, @RequestParam(required = false) String level,
                                    @RequestParam(required = false) String format,
                                    @RequestParam(required = false) String sep,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CoverageLevel lvl = CoverageLevel.parse(level);
        CoverageFormat out = CoverageFormat.parse(format);
        if (out != CoverageFormat.CSV && sep != null) {
            throw new BadParameterException("sep", "sep only applies to format=csv");
        }
        CoverageCsv csv = out == CoverageFormat.CSV ? CoverageCsv.separatedBy(sep) : null;
        // Before the filters are checked (a territory is checked with a query): an ETag can only
        // have come from a valid request at this data version.
        String etag = etags.of("coverage/" + lvl.key() + "?format=" + out + "&sep=" + sep + "&" + params.canonical());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        Filter actors = filters.parse(RecordKind.ACTOR, params.onlyCategoryOf(RecordKind.ACTOR));
        Filter initiatives = filters.parse(RecordKind.INITIATIVE, params.onlyCategoryOf(RecordKind.INITIATIVE));
        // One description of the request for file names and the summary: the actors' criteria
        // (type included) with the initiatives' statuses.
        String slug = actors.slug(List.of(initiatives));
        CoverageTable table = coverage.coverage(lvl, actors, initiatives, out == CoverageFormat.GEOJSON);
        Object body = switch (out) {
            case GEOJSON -> table.collection(slug);
            case JSON -> table.list(slug);
            case CSV -> csv.write(table).getBytes(StandardCharsets.UTF_8);
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(out.mediaType()).eTag(etag)
                .cacheControl(cacheControl);
        if (out == CoverageFormat.CSV) {
            String name = "coverage-" + lvl.key() + (slug.isEmpty() ? "" : "_" + slug) + ".csv";
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        }
        return response.body(body);
    }
}
