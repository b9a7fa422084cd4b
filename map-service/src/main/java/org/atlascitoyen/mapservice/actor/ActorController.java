package org.atlascitoyen.mapservice.actor;

import java.util.List;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory's actors as GeoJSON, by territory, theme and type, a page at a time. The first
 * cut of the actor API: enough to see imported directories; the full filter set comes with the
 * map service's actor queries.
 */
@RestController
@RequestMapping("/api/actors")
class ActorController {

    private static final String GEOJSON = "application/geo+json";

    private final ActorRepository actors;
    private final AtlasProperties limits;

    ActorController(ActorRepository actors, AtlasProperties limits) {
        this.actors = actors;
        this.limits = limits;
    }

    @GetMapping(produces = {GEOJSON, "application/json"})
    ActorCollection list(@RequestParam(required = false) String territory, @RequestParam(required = false) String theme,
                         @RequestParam(required = false) String type, @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) String cursor) {
        String kind = null;
        String code = null;
        if (territory != null && !territory.isBlank()) {
            int colon = territory.indexOf(':');
            if (colon < 1 || colon == territory.length() - 1) {
                throw new BadParameterException("territory", "territory is KIND:CODE (e.g. epci:243100518), got '" + territory + "'");
            }
            kind = TerritoryKind.parse(territory.substring(0, colon), "territory").key();
            code = territory.substring(colon + 1);
        }
        int n = limit == null ? limits.actorLimitDefault() : limit;
        if (n < 1 || n > limits.actorLimitMax()) {
            throw new BadParameterException("limit", "limit must be between 1 and " + limits.actorLimitMax() + ", got " + n);
        }
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new BadParameterException("cursor", "cursor is the 'next' value of the previous page, got '" + cursor + "'");
            }
        }
        List<ActorFeature> page = actors.list(kind, code, blankToNull(theme), blankToNull(type), after, n);
        String next = page.size() == n ? Long.toString(page.get(page.size() - 1).id()) : null;
        return new ActorCollection(page.size(), next, page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
