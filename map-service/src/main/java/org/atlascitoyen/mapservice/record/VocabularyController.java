package org.atlascitoyen.mapservice.record;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codes the filters take, with their French labels: what a client needs to build a filter
 * form without copying the vocabularies. They change only with a migration, so clients may keep
 * them an hour.
 */
@RestController
class VocabularyController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final Vocabularies vocabularies;

    VocabularyController(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** The vocabularies, each in its own order (themes and types by code, statuses by stage, roles by rank). */
    record VocabularyList(List<Labelled> themes, List<Labelled> actorTypes, List<Labelled> initiativeStatuses,
                          List<Labelled> personRoles, List<Labelled> needOfferNatures, List<Labelled> eventTypes,
                          List<Labelled> experienceOutcomes) {
    }

    @GetMapping(value = "/api/vocabularies", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VocabularyList> vocabularies() {
        return ResponseEntity.ok().cacheControl(CACHE).body(new VocabularyList(labelled(vocabularies.themes()),
                labelled(vocabularies.actorTypes()), labelled(vocabularies.statuses()),
                labelled(vocabularies.labels(RecordKind.PERSON.category())),
                labelled(vocabularies.labels(RecordKind.NEED_OFFER.category())),
                labelled(vocabularies.labels(RecordKind.EVENT.category())),
                labelled(vocabularies.labels(RecordKind.EXPERIENCE.category()))));
    }

    private static List<Labelled> labelled(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> new Labelled(e.getKey(), e.getValue())).toList();
    }
}
