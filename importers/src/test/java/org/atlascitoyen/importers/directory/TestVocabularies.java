package org.atlascitoyen.importers.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A few themes, actor types and initiative statuses, as their tables would give them, for tests without a database. */
final class TestVocabularies {

    static final Vocabularies SMALL = new Vocabularies(
            vocabulary(Map.of("mobilite", List.of("Mobilité", "vélo", "covoiturage"),
                    "alimentation", List.of("Alimentation", "jardin partagé", "circuit court"))),
            vocabulary(Map.of("association", List.of("Association"), "tiers_lieu", List.of("Tiers-lieu"),
                    "autre", List.of("Autre"))),
            vocabulary(Map.of("en_cours", List.of("En cours"), "terminee", List.of("Terminée", "finie"))));

    private TestVocabularies() {
    }

    /** A vocabulary as {@link Vocabulary#load} reads it: each code, spelled with spaces, then its label and synonyms. */
    private static Vocabulary vocabulary(Map<String, List<String>> labelAndSynonyms) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        labelAndSynonyms.forEach((code, words) -> {
            List<String> all = new ArrayList<>(List.of(code.replace('_', ' ')));
            all.addAll(words);
            terms.put(code, all);
        });
        return new Vocabulary(terms);
    }
}
