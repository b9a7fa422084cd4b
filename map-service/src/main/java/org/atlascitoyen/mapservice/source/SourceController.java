package org.atlascitoyen.mapservice.source;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sources}: the directories the records come from, with their licences and
 * attributions, and the reference sources of the territories with theirs.
 */
@RestController
class SourceController {

    private final SourceRepository sources;

    SourceController(SourceRepository sources) {
        this.sources = sources;
    }

    @GetMapping(value = "/api/sources", produces = MediaType.APPLICATION_JSON_VALUE)
    SourceList sources() {
        return new SourceList(sources.all(), sources.references(null));
    }
}
