package org.atlascitoyen.mapservice.record;

import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records of every kind at {@code /api/{kind}} ({@code /api/actors}, {@code /api/initiatives}):
 * lists with every filter (GeoJSON by default, plain JSON with {@code format=json}), a page at a
 * time with the total count, and one record in full.
 */
@RestController
class RecordController {

    private final RecordRepository records;
    private final FilterParser filters;
    private final AtlasProperties limits;

    RecordController(RecordRepository records, FilterParser filters, AtlasProperties limits) {
        this.records = records;
        this.filters = filters;
        this.limits = limits;
    }

    @GetMapping(value = "/api/" + RecordPaths.KIND, produces = {"application/geo+json", "application/json"})
    ResponseEntity<Object> list(@PathVariable("recordKind") RecordKind kind, FilterParams params,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String format) {
        ListFormat listFormat = ListFormat.parse(format);
        Filter filter = filters.parse(kind, params);
        int n = PageLimit.of(limit, limits.listLimitDefault(), limits.listLimitMax());
        FeaturePage<RecordFeature> page = records.page(filter, Cursor.decode(cursor, filter.sort()), n);
        return listFormat.respond(page, RecordFeature::item);
    }

    @GetMapping(value = "/api/" + RecordPaths.KIND + "/{id}", produces = {"application/geo+json", "application/json"})
    RecordFeature one(@PathVariable("recordKind") RecordKind kind, @PathVariable long id) {
        return records.find(kind, id).orElseThrow(() -> new NotFoundException("No " + kind.table() + " with id " + id));
    }
}
