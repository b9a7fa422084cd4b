package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifiers in the one form SQL compares; a value that is no identifier is left out. */
class IdentifiersTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            31555   | 31555
            9122    | 09122
            31555.0 | 31555
            9122.0  | 09122
            31 000  | 31000
            2a004   | 2A004
            """)
    void inseeCodesAndPostcodesGetBackTheirLeadingZeroAndLoseTheirSpaces(String value, String code) {
        assertThat(Identifiers.code(value)).isEqualTo(code);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            123456789         | 123456789
            123 456 789       | 123456789
            123.456.789       | 123456789
            123 456 789 00012 | 123456789
            12345678900012    | 123456789
            12345678          |
            1234567890        |
            inconnu           |
            """)
    void aSirenIsNineDigitsTakenFromASirenOrASiret(String value, String siren) {
        assertThat(Identifiers.siren(value)).isEqualTo(siren);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            W313012345   | W313012345
            w313012345   | W313012345
            W 313 012345 | W313012345
            W31301234    |
            W3130123456  |
            313012345    |
            """)
    void anRnaNumberIsWAndNineDigitsOrLetters(String value, String rna) {
        assertThat(Identifiers.rna(value)).isEqualTo(rna);
    }

    @Test
    void aWebsiteWithoutSchemeGetsHttps() {
        assertThat(Identifiers.website("amis-terre.org")).isEqualTo("https://amis-terre.org");
        assertThat(Identifiers.website("http://amis-terre.org")).isEqualTo("http://amis-terre.org");
        assertThat(Identifiers.website("HTTPS://amis-terre.org")).isEqualTo("HTTPS://amis-terre.org");
        assertThat(Identifiers.website("ftp://amis-terre.org")).isEqualTo("ftp://amis-terre.org");
    }

    @Test
    void theHostOfAWebsiteIsLowerCaseWithoutWww() {
        assertThat(Identifiers.host("https://www.Amis-Terre.org/31/contact?x=1")).isEqualTo("amis-terre.org");
        assertThat(Identifiers.host("http://WWW.amis-terre.org")).isEqualTo("amis-terre.org");
        assertThat(Identifiers.host("https://toulouse.amis-terre.org")).isEqualTo("toulouse.amis-terre.org");
    }

    @Test
    void aWebsiteWithoutAHostHasNone() {
        assertThat(Identifiers.host(Identifiers.website("voir notre page"))).isNull();
        assertThat(Identifiers.host("https://[broken")).isNull();
        assertThat(Identifiers.host(null)).isNull();
    }

    @Test
    void noValueIsNoIdentifier() {
        assertThat(Identifiers.code(null)).isNull();
        assertThat(Identifiers.siren(null)).isNull();
        assertThat(Identifiers.rna(null)).isNull();
        assertThat(Identifiers.website(null)).isNull();
    }
}
