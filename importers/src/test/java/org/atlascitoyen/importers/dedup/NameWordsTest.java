package org.atlascitoyen.importers.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The word list of dedup/name-words.txt and the regular expressions the SQL receives. */
class NameWordsTest {

    @Test
    void theShippedListHasTheGenericAndKindWordsOfTheField() {
        NameWords words = NameWords.load();

        assertThat(words.generic()).contains("association", "pour", "de", "la", "les", "du", "des");
        assertThat(words.kind()).contains("amicale", "atelier", "collectif", "comite", "foyer rural", "club", "union",
                "federation", "maison", "centre", "groupe", "ecole", "college");
        assertThat(words.generic()).doesNotContainAnyElementsOf(words.kind());
    }

    @Test
    void longerEntriesComeFirstSoThatAPhraseWinsOverItsFirstWord() {
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

        assertThat(words.genericPattern()).isEqualTo("de|la");
        assertThat(words.kindPattern()).isEqualTo("foyer rural|foyer|club");
    }

    @Test
    void anEntryThatIsNotNormalisedOrOutsideASectionIsRefused() {
        assertThatThrownBy(() -> NameWords.parse("[kind]\nComité\n")).hasMessageContaining("line 2: 'Comité'");
        assertThatThrownBy(() -> NameWords.parse("amicale\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> NameWords.parse("[generic]\na|b\n")).hasMessageContaining("'a|b'");
    }
}
