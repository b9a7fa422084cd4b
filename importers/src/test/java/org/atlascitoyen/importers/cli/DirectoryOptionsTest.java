package org.atlascitoyen.importers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;
import org.junit.jupiter.api.Test;

/** The licence options of {@code ./atlas import actors|initiatives}. */
class DirectoryOptionsTest {

    @Test
    void readsTheLicenceItsUrlAndTheAttribution() {
        ImportRequest request = parse("--source", "rna-31", "--format", "rna", "--licence", "etalab-2.0",
                "--attribution=Ministère de l'Intérieur, RNA", "waldec.csv");

        assertThat(request.licence()).isEqualTo(new SourceLicence("Licence Ouverte 2.0",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "Ministère de l'Intérieur, RNA"));
        assertThat(parse("--source", "carte", "--format", "gogocarto", "--licence", "Licence de la carte",
                "--licence-url", "https://carte.example.org/licence", "elements.json").licence())
                .isEqualTo(new SourceLicence("Licence de la carte", "https://carte.example.org/licence", null));
    }

    @Test
    void withoutLicenceOptionsNothingIsAssumedFromTheFormat() {
        assertThat(parse("--source", "rna-31", "--format", "rna", "waldec.csv").licence()).isEqualTo(SourceLicence.NONE);
        assertThat(parse("--source", "carte", "--format", "gogocarto", "elements.json").licence()).isEqualTo(SourceLicence.NONE);
    }

    @Test
    void aCalendarNeedsNeitherSourceNorFormat() {
        ImportRequest file = DirectoryOptions.parse(RecordKind.EVENT, new ArrayDeque<>(List.of("agenda Tiers-Lieux.ics")));
        assertThat(file.format()).isEqualTo(ImportRequest.Format.ICS);
        assertThat(file.source()).isEqualTo("agenda-tiers-lieux");
        ImportRequest url = DirectoryOptions.parse(RecordKind.EVENT,
                new ArrayDeque<>(List.of("--format", "ics", "https://agenda.example.org/feed.ics")));
        assertThat(url.source()).isEqualTo("agenda.example.org");
        assertThat(DirectoryOptions.parse(RecordKind.EVENT, new ArrayDeque<>(List.of("--source", "mon-agenda", "a.ics")))
                .source()).isEqualTo("mon-agenda");
    }

    @Test
    void refusesALicenceUrlThatIsNoWebAddress() {
        assertThatThrownBy(() -> parse("--source", "a", "--format", "rna", "--licence", "x", "--licence-url",
                "javascript:alert(1)", "f.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an http or https address");
    }

    private static ImportRequest parse(String... args) {
        return DirectoryOptions.parse(RecordKind.ACTOR, new ArrayDeque<>(List.of(args)));
    }
}
