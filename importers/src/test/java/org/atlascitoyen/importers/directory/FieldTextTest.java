package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;

/** The text of a field as the mapping gives it, before the other cleaning steps read it. */
class FieldTextTest {

    private static final FieldText PLAIN = new FieldText(Mapping.empty("test"));

    @Test
    void aOneLineValueIsStrippedWithItsRunsOfWhitespaceMadeOneSpace() {
        SourceRow row = row(Field.NAME, "  Les   Amis\tde la\r\nTerre  ");

        assertThat(PLAIN.line(row, Field.NAME)).isEqualTo("Les Amis de la Terre");
    }

    @Test
    void aMultilineValueKeepsItsLineBreaks() {
        SourceRow row = row(Field.DESCRIPTION, "\n Jardin partagé.\n\nOuvert le samedi.  ");

        assertThat(PLAIN.multiline(row, Field.DESCRIPTION)).isEqualTo("Jardin partagé.\n\nOuvert le samedi.");
        assertThat(PLAIN.line(row, Field.DESCRIPTION)).isEqualTo("Jardin partagé. Ouvert le samedi.");
    }

    @Test
    void nulBytesAreDropped() {
        assertThat(PLAIN.line(row(Field.NAME, "Épi\u0000cerie\u0000"), Field.NAME)).isEqualTo("Épicerie");
    }

    @Test
    void controlCharactersAreRemovedLineEndsBecomingLineBreaksAndTabsSpaces() {
        SourceRow row = row(Field.DESCRIPTION, "Ligne\u0001 une\r\nLigne\tdeux\rLigne\u001B trois\u0085Fin\u0090\u007F");

        assertThat(PLAIN.multiline(row, Field.DESCRIPTION)).isEqualTo("Ligne une\nLigne deux\nLigne trois\nFin");
        assertThat(PLAIN.line(row(Field.PHONE, "05\u000361 00"), Field.PHONE)).isEqualTo("0561 00");
    }

    @Test
    void runsOfBlankLinesBecomeOneAndLinesLoseTheirTrailingSpaces() {
        SourceRow row = row(Field.DESCRIPTION, "Jardin partagé.  \n \n\t\n\nOuvert le samedi.\u00A0\nFin");

        assertThat(PLAIN.multiline(row, Field.DESCRIPTION)).isEqualTo("Jardin partagé.\n\nOuvert le samedi.\nFin");
    }

    @Test
    void aProseFieldWrittenInHtmlBecomesItsText() {
        SourceRow row = new SourceRow(2).set(Field.NAME, "<b>Les Amis</b><br>de la Terre")
                .set(Field.DESCRIPTION, "<p>Jardin&nbsp;partag&eacute;.</p>\n<p>Voir <a href=\"https://amis.example.org\">le site</a>.</p>")
                .set(Field.LESSONS_LEARNED, "<ul><li>Commencer petit</li><li>Durer</li></ul>");

        assertThat(PLAIN.line(row, Field.NAME)).isEqualTo("Les Amis de la Terre");
        assertThat(PLAIN.multiline(row, Field.DESCRIPTION)).isEqualTo("Jardin partagé.\n\nVoir le site (https://amis.example.org).");
        assertThat(PLAIN.multiline(row, Field.LESSONS_LEARNED)).isEqualTo("- Commencer petit\n- Durer");
    }

    @Test
    void aFieldThatIsNoProseIsNeverReadAsHtml() {
        String url = "https://example.org/agenda?jour=1&amp;mois=2&lt;b&gt;<b>";
        SourceRow row = new SourceRow(2).set(Field.WEBSITE, url).set(Field.EMAIL, "<p>bonjour@example.org</p>");

        assertThat(PLAIN.line(row, Field.WEBSITE)).isEqualTo(url);
        assertThat(PLAIN.line(row, Field.EMAIL)).isEqualTo("<p>bonjour@example.org</p>");
    }

    @Test
    void plainTextWithLessThanAndAmpersandIsKept() {
        assertThat(PLAIN.line(row(Field.NAME, "A < B & C"), Field.NAME)).isEqualTo("A < B & C");
    }

    @Test
    void anEmptyOrBlankValueIsNull() {
        assertThat(PLAIN.line(new SourceRow(2), Field.NAME)).isNull();
        assertThat(PLAIN.line(row(Field.NAME, ""), Field.NAME)).isNull();
        assertThat(PLAIN.multiline(row(Field.NAME, " \t\n"), Field.NAME)).isNull();
        assertThat(PLAIN.line(row(Field.NAME, "\u0000"), Field.NAME)).isNull();
        assertThat(PLAIN.line(row(Field.NAME, "<p>&nbsp;</p>"), Field.NAME)).isNull();
    }

    @Test
    void theMappingsConstantReplacesTheCell() {
        FieldText text = new FieldText(mapping(Field.TYPE, new Mapping.Rule(null, "association", null, Map.of(), null)));

        assertThat(text.line(row(Field.TYPE, "Collectif"), Field.TYPE)).isEqualTo("association");
        assertThat(text.line(new SourceRow(2), Field.TYPE)).isEqualTo("association");
    }

    @Test
    void theDefaultFillsAnEmptyCellOfAFieldThatIsNotTranslated() {
        FieldText text = new FieldText(mapping(Field.COMMUNE_NAME, new Mapping.Rule("Commune", null, null, Map.of(), "Albi")));

        assertThat(text.line(row(Field.COMMUNE_NAME, "  "), Field.COMMUNE_NAME)).isEqualTo("Albi");
        assertThat(text.line(row(Field.COMMUNE_NAME, "Castres"), Field.COMMUNE_NAME)).isEqualTo("Castres");
    }

    @Test
    void typesStatusesAndThemesKeepTheirDefaultForTheVocabularyStep() {
        Mapping.Rule withDefault = new Mapping.Rule("C", null, null, Map.of(), "association");
        for (Field field : new Field[] {Field.TYPE, Field.STATUS, Field.THEMES}) {
            FieldText text = new FieldText(mapping(field, withDefault));

            assertThat(text.line(row(field, ""), field)).as(field.key()).isNull();
        }
    }

    @Test
    void aListSplitsOnCommasSemicolonsBarsAndSlashesLeavingEmptyValuesOut() {
        SourceRow row = row(Field.CARRIERS, "Mairie, CCAS ;Département| |Région / ,");

        assertThat(PLAIN.list(row, Field.CARRIERS)).containsExactly("Mairie", "CCAS", "Département", "Région");
    }

    @Test
    void aListSplitsOnlyOnTheMappingsSeparatorWhenItHasOne() {
        FieldText text = new FieldText(mapping(Field.THEMES, new Mapping.Rule("categories", null, "|", Map.of(), null)));

        assertThat(text.list(row(Field.THEMES, "Vélo, marche | Jardins partagés|"), Field.THEMES))
                .containsExactly("Vélo, marche", "Jardins partagés");
        assertThat(text.list(new SourceRow(2), Field.THEMES)).isNull();
    }

    private static SourceRow row(Field field, String value) {
        return new SourceRow(2).set(field, value);
    }

    private static Mapping mapping(Field field, Mapping.Rule rule) {
        return new Mapping(Map.of(field, rule), "test");
    }
}
