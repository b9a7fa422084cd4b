package org.atlascitoyen.importers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A source's licence as the import records it: known licences by id or name, values cleaned and bounded. */
class SourceLicenceTest {

    @Test
    void aKnownLicenceIsRecordedUnderItsUsualNameWithItsUrl() {
        assertThat(SourceLicence.of("etalab-2.0", null, null)).isEqualTo(new SourceLicence("Licence Ouverte 2.0",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", null));
        assertThat(SourceLicence.of(" licence  ouverte 2.0 ", null, null).licence()).isEqualTo("Licence Ouverte 2.0");
        assertThat(SourceLicence.of("ODbL", null, null).url()).isEqualTo("https://opendatacommons.org/licenses/odbl/1-0/");
        assertThat(SourceLicence.of("cc-by-4.0", null, null).licence()).isEqualTo("CC BY 4.0");
        assertThat(SourceLicence.of("CC0_1.0", null, "Atlas").licence()).isEqualTo("CC0 1.0");
        // A URL given wins over the known one (a translated or versioned page).
        assertThat(SourceLicence.of("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/fr/", null).url())
                .isEqualTo("https://opendatacommons.org/licenses/odbl/1-0/fr/");
    }

    @Test
    void anyOtherLicenceIsRecordedAsGivenAndBlanksAreNotGiven() {
        assertThat(SourceLicence.of("Licence du réseau\u0000 2024", "http://reseau.example.org/licence", "\t"))
                .isEqualTo(new SourceLicence("Licence du réseau 2024", "http://reseau.example.org/licence", null));
        assertThat(SourceLicence.of(null, null, null)).isEqualTo(SourceLicence.NONE);
        assertThat(SourceLicence.of("  ", "", null)).isEqualTo(SourceLicence.NONE);
    }

    @Test
    void refusesUrlsThatAreNotWebAddressesOverLongValuesAndAUrlWithoutItsLicence() {
        for (String url : new String[] {"javascript:alert(1)", "data:text/html,x", "ftp://x.org/l", "//x.org/l", "HTTPS://x.org/l"}) {
            assertThatThrownBy(() -> SourceLicence.of("Licence", url, null)).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not");
        }
        assertThatThrownBy(() -> SourceLicence.of(null, "https://x.org/l", null))
                .hasMessage("a licence URL needs the licence's name (--licence or licence.name)");
        assertThatThrownBy(() -> SourceLicence.of("L".repeat(201), null, null))
                .hasMessage("the licence is longer than 200 characters");
        assertThatThrownBy(() -> SourceLicence.of("L", null, "a".repeat(1001)))
                .hasMessage("the attribution is longer than 1000 characters");
    }

    @Test
    void theCommandLineWinsValueByValueTheUrlGoingWithItsLicence() {
        SourceLicence file = SourceLicence.of("ODbL-1.0", null, "Carte de la transition");
        assertThat(SourceLicence.of("CC-BY-4.0", null, null).orElse(file))
                .isEqualTo(new SourceLicence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "Carte de la transition"));
        assertThat(SourceLicence.of(null, null, "© Réseau").orElse(file))
                .isEqualTo(new SourceLicence("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "© Réseau"));
        assertThat(SourceLicence.NONE.orElse(SourceLicence.NONE)).isEqualTo(SourceLicence.NONE);
    }
}
