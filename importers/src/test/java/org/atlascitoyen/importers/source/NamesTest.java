package org.atlascitoyen.importers.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching form of names; {@link NamesIT} checks that the database computes the same. */
class NamesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            Saint-Étienne-de-Tulmont|saint etienne de tulmont
            Bagnères-de-Bigorre|bagneres de bigorre
            ÇA ÀLORS|ca alors
            Œuvre du cœur|oeuvre du coeur
            Lætitia|laetitia
            Straße|strasse
            Łódź|lodz
            Øresund|oresund
            St-Gaudens|saint gaudens
            ST GAUDENS|saint gaudens
            St. Girons|saint girons
            Ste-Croix-Volvestre|sainte croix volvestre
            Ste Marie|sainte marie
            Stéphane Est|stephane est
            Ouest Fest|ouest fest
            rue st|rue saint
            L'Isle-Jourdain|l isle jourdain
            L’Isle-Jourdain|l isle jourdain
            Tiers-lieu « La Fabrique » — Albi|tiers lieu la fabrique albi
            '  Les   Amis\tde la  Terre  '|les amis de la terre
            Les Amis de la Terre 31|les amis de la terre 31
            Col·lectiu|col lectiu
            ---|''
            """)
    void normalizes(String name, String expected) {
        assertThat(Names.normalize(name)).isEqualTo(expected);
    }

    @Test
    void nonBreakingAndOtherSpacesSeparateWords() {
        assertThat(Names.normalize("Maison\u00a0des\u2009Jeunes\u3000et\u202fde la Culture")).isEqualTo("maison des jeunes et de la culture");
    }

    @Test
    void decomposedAccentsAreRemovedAsComposedOnes() {
        assertThat(Names.normalize("Pe\u0301zenas")).isEqualTo(Names.normalize("P\u00e9zenas")).isEqualTo("pezenas");
    }

    @Test
    void nullStaysNull() {
        assertThat(Names.normalize(null)).isNull();
    }
}
