package org.atlascitoyen.mapservice.person;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.FilterSql;
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
 * {@code GET /api/persons/coverage?level=commune}: per commune, the number of resource persons
 * covering it through their perimeter (0: a zone blanche), for the persons matching the filters
 * of {@code /api/persons} ({@code theme}, {@code role}, {@code q}, {@code updatedSince}); a
 * {@code territory} lists only its communes (it does not filter the persons by their point).
 * GeoJSON with the communes' simplified polygons (default) or plain JSON; ETag of the data version.
 */
@RestController
class PersonCoverageController {

    private static final String COVERAGE = SqlResource.statement("sql/person/coverage.sql");

    private final JdbcClient jdbc;
    private final FilterParser filters;
    private final DataEtags etags;
    private final CacheControl cacheControl;

    PersonCoverageController(JdbcClient jdbc, FilterParser filters, DataEtags etags, AtlasProperties limits) {
        this.jdbc = jdbc;
        this.filters = filters;
        this.etags = etags;
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(limits.tileMaxAgeSeconds())).cachePublic();
    }

    @GetMapping(value = "/api/persons/coverage", produces = {"application/geo+json", "application/json"})
    ResponseEntity<Object> coverage(FilterParams params, @RequestParam(required = false) String level,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (!"commune".equals(level)) {
            throw new BadParameterException("level", "commune (persons are counted per commune they cover)");
        }
        boolean geojson = format == null || "geojson".equals(format);
        if (!geojson && !"json".equals(format)) {
            throw new BadParameterException("format", "geojson (default) or json");
        }
        if (params.bbox() != null || params.near() != null || params.radius() != null) {
            throw new BadParameterException(params.bbox() != null ? "bbox" : "near",
                    "Coverage counts the persons by their perimeter, not their point: use territory");
        }
        String etag = etags.of("persons/coverage?format=" + geojson + "&" + params.canonical());
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        Filter parsed = filters.parse(RecordKind.PERSON, params);
        Filter persons = new Filter(RecordKind.PERSON, null, null, null, parsed.themes(), parsed.categories(), parsed.q(),
                parsed.updatedSince());
        FilterSql.Where where = FilterSql.where(persons);
        Map<String, Object> values = new HashMap<>(where.params());
        values.put("scopeKind", parsed.territory() == null ? null : parsed.territory().kind().key());
        values.put("scopeCode", parsed.territory() == null ? null : parsed.territory().code());
        values.put("withGeometry", geojson);
        List<PersonCoverage> communes = new ArrayList<>();
        List<String> geometries = new ArrayList<>();
        jdbc.sql(COVERAGE.replace("${where}", where.sql())).params(values).query(rs -> {
            long n = rs.getLong("persons");
            communes.add(new PersonCoverage(rs.getString("code"), rs.getString("name"), rs.getObject("population", Integer.class),
                    n, n == 0));
            geometries.add(rs.getString("geojson"));
        });
        PersonCoverage.Summary summary = new PersonCoverage.Summary(communes.size(),
                communes.stream().filter(PersonCoverage::zoneBlanche).count());
        Object body;
        if (geojson) {
            List<PersonCoverage.Feature> features = new ArrayList<>();
            for (int i = 0; i < communes.size(); i++) {
                features.add(new PersonCoverage.Feature("commune:" + communes.get(i).code(), communes.get(i), geometries.get(i)));
            }
            body = new PersonCoverage.Collection(summary, features);
        } else {
            body = new PersonCoverage.Listing(summary, communes);
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl)
                .contentType(geojson ? MediaType.parseMediaType("application/geo+json")
                        : MediaType.APPLICATION_JSON)
                .body(body);
    }
}
