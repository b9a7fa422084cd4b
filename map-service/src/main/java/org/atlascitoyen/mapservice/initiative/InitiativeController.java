package org.atlascitoyen.mapservice.initiative;

import org.atlascitoyen.mapservice.record.Cursor;
import org.atlascitoyen.mapservice.record.Dataset;
import org.atlascitoyen.mapservice.record.FeaturePage;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.ListFormat;
import org.atlascitoyen.mapservice.record.PageLimit;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The initiatives: lists with every filter (GeoJSON by default, plain JSON with {@code format=json}),
 * a page at a time with the total count, and one initiative in full.
 */
@RestController
@RequestMapping("/api/initiatives")
class InitiativeController {

    private final InitiativeRepository initiatives;
    private final FilterParser filters;
    private final AtlasProperties limits;

    InitiativeController(InitiativeRepository initiatives, FilterParser filters, AtlasProperties limits) {
        this.initiatives = initiatives;
        this.filters = filters;
        this.limits = limits;
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    ResponseEntity<Object> list(FilterParams params, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String format) {
        ListFormat listFormat = ListFormat.parse(format);
        Filter filter = filters.parse(Dataset.INITIATIVES, params);
        int n = PageLimit.of(limit, limits.listLimitDefault(), limits.listLimitMax());
        FeaturePage<InitiativeFeature> page = initiatives.page(filter, Cursor.decode(cursor, filter.sort()), n);
        return listFormat.respond(page, InitiativeFeature::item);
    }

    @GetMapping(value = "/{id}", produces = {"application/geo+json", "application/json"})
    InitiativeDetail one(@PathVariable long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("No initiative with id " + id));
    }
}
