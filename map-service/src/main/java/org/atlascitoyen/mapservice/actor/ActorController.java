package org.atlascitoyen.mapservice.actor;

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
 * The actors: lists with every filter (GeoJSON by default, plain JSON with {@code format=json}),
 * a page at a time with the total count, and one actor in full.
 */
@RestController
@RequestMapping("/api/actors")
class ActorController {

    private final ActorRepository actors;
    private final FilterParser filters;
    private final AtlasProperties limits;

    ActorController(ActorRepository actors, FilterParser filters, AtlasProperties limits) {
        this.actors = actors;
        this.filters = filters;
        this.limits = limits;
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    ResponseEntity<Object> list(FilterParams params, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String format) {
        ListFormat listFormat = ListFormat.parse(format);
        Filter filter = filters.parse(Dataset.ACTORS, params);
        int n = PageLimit.of(limit, limits.listLimitDefault(), limits.listLimitMax());
        FeaturePage<ActorFeature> page = actors.page(filter, Cursor.decode(cursor, filter.sort()), n);
        return listFormat.respond(page, ActorFeature::item);
    }

    @GetMapping(value = "/{id}", produces = {"application/geo+json", "application/json"})
    ActorDetail one(@PathVariable long id) {
        return actors.find(id).orElseThrow(() -> new NotFoundException("No actor with id " + id));
    }
}
