package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;

/** Types, statuses and themes as vocabulary codes: the mapping first, then the vocabulary, then the default. */
class VocabularyCodesTest {

    private static final Vocabularies VOCABULARIES = TestVocabularies.SMALL;

    private final Tally tally = new Tally();

    @Test
    void aTypeIsFoundByItsCodeLabelOrAWordOfTheValue() {
        VocabularyCodes codes = codes(Mapping.empty("test"));

        assertThat(codes.type(row(Field.TYPE, "tiers_lieu"))).isEqualTo("tiers_lieu");
        assertThat(codes.type(row(Field.TYPE, "TIERS LIEU"))).isEqualTo("tiers_lieu");
        assertThat(codes.type(row(Field.TYPE, "Association loi 1901"))).isEqualTo("association");
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void theMappingsTranslationComesBeforeTheVocabularyAndOnlyWhenItIsACode() {
        VocabularyCodes codes = codes(mapping(Field.TYPE, new Mapping.Rule("Type", null, null,
                Map.of("Tiers-lieu", List.of("association"), "Bar", List.of("bar_associatif")), null)));

        assertThat(codes.type(row(Field.TYPE, "Tiers-lieu"))).isEqualTo("association");
        assertThat(codes.type(row(Field.TYPE, "Bar"))).isEqualTo("autre");
        assertThat(tally.counts()).containsExactly(Map.entry("unknown type (autre used)", Map.of("Bar", 1L)));
    }

    @Test
    void anUnknownTypeTakesTheMappingsDefaultWhenItIsACodeElseTheAtlassAndIsCounted() {
        VocabularyCodes withDefault = codes(mapping(Field.TYPE, new Mapping.Rule("Type", null, null, Map.of(), "association")));
        VocabularyCodes withBadDefault = codes(mapping(Field.TYPE, new Mapping.Rule("Type", null, null, Map.of(), "club")));

        assertThat(withDefault.type(row(Field.TYPE, "Jardinage"))).isEqualTo("association");
        assertThat(withBadDefault.type(row(Field.TYPE, "Jardinage"))).isEqualTo(VocabularyCodes.DEFAULT_TYPE).isEqualTo("autre");
        assertThat(tally.counts()).containsOnly(
                Map.entry("unknown type (association used)", Map.of("Jardinage", 1L)),
                Map.entry("unknown type (autre used)", Map.of("Jardinage", 1L)));
    }

    @Test
    void noTypeTakesTheDefaultWithoutBeingCounted() {
        VocabularyCodes withDefault = codes(mapping(Field.TYPE, new Mapping.Rule("Type", null, null, Map.of(), "association")));

        assertThat(withDefault.type(row(Field.TYPE, "  "))).isEqualTo("association");
        assertThat(codes(Mapping.empty("test")).type(new SourceRow(2))).isEqualTo("autre");
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void withASeparatorTheFirstValueTheMappingTranslatesWinsThenTheFirstTheVocabularyKnows() {
        VocabularyCodes codes = codes(mapping(Field.TYPE, new Mapping.Rule("categories", null, "|",
                Map.of("Lieu partagé", List.of("tiers_lieu")), null)));

        assertThat(codes.type(row(Field.TYPE, "Association | Lieu partagé"))).isEqualTo("tiers_lieu");
        assertThat(codes.type(row(Field.TYPE, "Jardins | Association | Autre"))).isEqualTo("association");
    }

    @Test
    void aStatusIsTranslatedLikeATypeWithItsOwnDefault() {
        VocabularyCodes codes = codes(Mapping.empty("test"));

        assertThat(codes.status(row(Field.STATUS, "Finie"))).isEqualTo("terminee");
        assertThat(codes.status(row(Field.STATUS, "en pause"))).isEqualTo(VocabularyCodes.DEFAULT_STATUS).isEqualTo("en_cours");
        assertThat(tally.counts()).containsExactly(Map.entry("unknown status (en_cours used)", Map.of("en pause", 1L)));
    }

    @Test
    void themesAreCodesEachOnceInTheOrderFoundAndUnknownOnesAreLeftOutAndCounted() {
        VocabularyCodes codes = codes(Mapping.empty("test"));

        assertThat(codes.themes(row(Field.THEMES, "Jardin partagé, Vélo; Pétanque / covoiturage")))
                .containsExactly("alimentation", "mobilite");
        assertThat(tally.counts()).containsExactly(Map.entry("unknown theme (left out)", Map.of("Pétanque", 1L)));
        assertThat(codes.themes(new SourceRow(2))).isEmpty();
    }

    @Test
    void aThemeTheMappingTranslatesGivesItsCodesAndATranslationToNothingIsNotCounted() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("Jardin & vélo", List.of("alimentation", "pas_un_code", "mobilite"));
        values.put("Divers", List.of());
        VocabularyCodes codes = codes(mapping(Field.THEMES, new Mapping.Rule("T", null, ",", values, null)));

        assertThat(codes.themes(row(Field.THEMES, "Divers, Jardin & vélo"))).containsExactly("alimentation", "mobilite");
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void themesMayAlsoComeFromTheDescriptionsWords() {
        SourceRow row = row(Field.DESCRIPTION, "Atelier de réparation de vélos et jardin partagé").set(Field.THEMES, "Vélo");

        assertThat(new VocabularyCodes(Mapping.empty("test"), new FieldText(Mapping.empty("test")), VOCABULARIES, tally, true)
                .themes(row)).containsExactly("mobilite", "alimentation");
        assertThat(codes(Mapping.empty("test")).themes(row)).containsExactly("mobilite");
    }

    private VocabularyCodes codes(Mapping mapping) {
        return new VocabularyCodes(mapping, new FieldText(mapping), VOCABULARIES, tally, false);
    }

    private static SourceRow row(Field field, String value) {
        return new SourceRow(2).set(field, value);
    }

    private static Mapping mapping(Field field, Mapping.Rule rule) {
        return new Mapping(Map.of(field, rule), "test");
    }
}
