package org.atlascitoyen.importers.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Translates a row's type (actors), status (initiatives) and themes into the codes of their
 * vocabularies, since the map filters by code. The mapping's translation of a value comes first,
 * then the vocabulary's codes, labels and synonyms. A type or status that does not translate
 * takes the mapping's default, else the atlas's ({@value #DEFAULT_TYPE}, {@value #DEFAULT_STATUS});
 * a theme that does not translate is left out. Either is counted in the tally with its value, so
 * that the report shows what a mapping could add.
 */
final class VocabularyCodes {

    /** The type of an actor whose type is unknown. */
    static final String DEFAULT_TYPE = "autre";
    /** The status of an initiative whose status is unknown. */
    static final String DEFAULT_STATUS = "en_cours";

    private final Mapping mapping;
    private final FieldText text;
    private final Vocabularies vocabularies;
    private final Tally tally;
    private final boolean themesFromDescription;

    /**
     * @param themesFromDescription also derive themes from the description's words, with the
     *                              vocabulary's synonyms (the RNA's "objet")
     */
    VocabularyCodes(Mapping mapping, FieldText text, Vocabularies vocabularies, Tally tally, boolean themesFromDescription) {
        this.mapping = mapping;
        this.text = text;
        this.vocabularies = vocabularies;
        this.tally = tally;
        this.themesFromDescription = themesFromDescription;
    }

    String type(SourceRow row) {
        return term(row, Field.TYPE, vocabularies.types(), DEFAULT_TYPE);
    }

    String status(SourceRow row) {
        return term(row, Field.STATUS, vocabularies.statuses(), DEFAULT_STATUS);
    }

    /** The theme codes of a row, each once, in the order found. */
    List<String> themes(SourceRow row) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> values = text.list(row, Field.THEMES);
        Mapping.Rule rule = mapping.rule(Field.THEMES).orElse(null);
        if (values != null) {
            for (String value : values) {
                Optional<List<String>> mapped = rule == null ? Optional.empty() : rule.translate(value);
                if (mapped.isPresent()) {
                    mapped.get().stream().filter(vocabularies.themes()::isCode).forEach(codes::add);
                } else {
                    vocabularies.themes().lookup(value).ifPresentOrElse(codes::add, () -> tally.add("unknown theme (left out)", value));
                }
            }
        }
        if (themesFromDescription) {
            codes.addAll(vocabularies.themes().findIn(row.get(Field.DESCRIPTION)));
        }
        return new ArrayList<>(codes);
    }

    /**
     * A type or a status: the mapping's translation, else the vocabulary, else the default. With a
     * separator (GoGoCarto categories), the first of the values that translates wins.
     */
    private String term(SourceRow row, Field field, Vocabulary vocabulary, String fallback) {
        Mapping.Rule rule = mapping.rule(field).orElse(null);
        String fallbackCode = rule != null && rule.defaultValue() != null && vocabulary.isCode(rule.defaultValue())
                ? rule.defaultValue() : fallback;
        String value = text.line(row, field);
        if (value == null) {
            return fallbackCode;
        }
        List<String> values = rule != null && rule.separator() != null ? text.list(row, field) : List.of(value);
        for (String v : values) {
            Optional<List<String>> mapped = rule == null ? Optional.empty() : rule.translate(v);
            if (mapped.isPresent() && !mapped.get().isEmpty() && vocabulary.isCode(mapped.get().get(0))) {
                return mapped.get().get(0);
            }
        }
        for (String v : values) {
            Optional<String> found = vocabulary.lookup(v);
            if (found.isPresent()) {
                return found.get();
            }
        }
        tally.add("unknown " + field.key() + " (" + fallbackCode + " used)", value);
        return fallbackCode;
    }
}
