package org.atlascitoyen.mapservice.needoffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Labelled;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/needs-offers/vocabulary}: the resources and skills an announcement names, with
 * their French labels, for the posting form (natures and themes are in {@code /api/vocabularies}).
 * They change only with a migration: clients may keep them an hour.
 */
@RestController
class NeedOfferVocabularyController {

    private static final String VOCABULARY = SqlResource.statement("sql/need-offer/vocabulary.sql");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final JdbcClient jdbc;

    NeedOfferVocabularyController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resources and the skills, as code and label. */
    record Vocabulary(List<Labelled> resources, List<Labelled> skills) {
    }

    @GetMapping("/api/needs-offers/vocabulary")
    ResponseEntity<Vocabulary> vocabulary() {
        List<Labelled> resources = new ArrayList<>();
        List<Labelled> skills = new ArrayList<>();
        jdbc.sql(VOCABULARY).query(rs -> {
            Labelled item = new Labelled(rs.getString("code"), rs.getString("label"));
            ("resource".equals(rs.getString("vocabulary")) ? resources : skills).add(item);
        });
        return ResponseEntity.ok().cacheControl(CACHE).body(new Vocabulary(resources, skills));
    }
}
