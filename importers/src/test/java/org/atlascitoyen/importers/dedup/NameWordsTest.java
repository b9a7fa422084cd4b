package org.atlascitoyen.importers.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The word list of dedup/name-words.txt and the regular expressions the SQL receives. */
class NameWordsTest {

    @Test
    void theShippedListHasTheGenericAndKindWordsOfTheField() {
        NameWords words = NameWords.shipped();

        assertThat(words.generic()).contains("association", "pour", "de", "la", "les", "du", "des");
        assertThat(words.kind()).contains("amicale", "atelier", "collectif", "comite", "foyer rural", "club", "union",
                "federation", "maison", "centre", "groupe", "ecole", "college");
        assertThat(words.generic()).doesNotContainAnyElementsOf(words.kind());
    }

    @Test
    void theSqlReceivesArraysWithTheEntriesOfSeveralWordsJoined() {
        NameWords words = NameWords.parse("""
                # comment
                [generic]
                de
                la
                [kind]
                foyer
                foyer rural
                club
                """);

        assertThat(words.genericArray()).isEqualTo("{\"de\",\"la\"}");
        assertThat(words.kindArray()).isEqualTo("{\"foyer_rural\",\"foyer\",\"club\"}");
        assertThat(words.phrasesArray()).isEqualTo("{\"foyer rural\"}");
    }

    @Test
    void aNameKeepsWhatCanDistinguishItAndItsKindWords() {
        NameWords words = NameWords.shipped();

        assertThat(words.split("atelier pour la transition energetique de creissels"))
                .isEqualTo(new NameWords.Parts("transition energetique creissels", "atelier"));
        assertThat(words.split("amicale pour la transition energetique creissels"))
                .isEqualTo(new NameWords.Parts("transition energetique creissels", "amicale"));
        assertThat(words.split("association la bastide du salat 1672")).isEqualTo(new NameWords.Parts("bastide salat 1672", ""));
        assertThat(words.split("foyer rural et club de la bastide du salat"))
                .isEqualTo(new NameWords.Parts("bastide salat", "club foyer rural"));
        assertThat(words.split("de la")).isEqualTo(new NameWords.Parts("", ""));
    }

    @Test
    void anEntryThatIsNotNormalisedOrOutsideASectionIsRefused() {
        assertThatThrownBy(() -> NameWords.parse("[kind]\nComité\n")).hasMessageContaining("line 2: 'Comité'");
        assertThatThrownBy(() -> NameWords.parse("amicale\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> NameWords.parse("[generic]\na|b\n")).hasMessageContaining("'a|b'");
    }
}
