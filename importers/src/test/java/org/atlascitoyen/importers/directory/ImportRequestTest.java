package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;

/** What an import checks before it touches the database. */
class ImportRequestTest {

    /** A server nobody listens on: these checks must fail before connecting. */
    private static final DatabaseConfig NOWHERE = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/none", "u", "p", null, null);
    private static final Path CSV_FILE = fixture("csv/utf8-comma.csv");

    @Test
    void aSourceNameIsAShortLowerCaseSlug() {
        assertThat(ImportRequest.of(RecordKind.ACTOR, "rna-31.v2_b", ImportRequest.Format.RNA, CSV_FILE, null).source()).isEqualTo("rna-31.v2_b");
        for (String bad : new String[] {"", "Réseau", "two words", "-dash", "a".repeat(101)}) {
            assertThatThrownBy(() -> ImportRequest.of(RecordKind.ACTOR, bad, ImportRequest.Format.RNA, CSV_FILE, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. reseau-tiers-lieux");
        }
    }

    @Test
    void csvAndGeoJsonNeedAMapping() {
        assertThatThrownBy(() -> ImportRequest.of(RecordKind.ACTOR, "a", ImportRequest.Format.CSV, CSV_FILE, null))
                .hasMessage("format csv needs --mapping FILE (see importers/README.md)");
        assertThatThrownBy(() -> ImportRequest.of(RecordKind.INITIATIVE, "a", ImportRequest.Format.GEOJSON, CSV_FILE, null))
                .hasMessage("format geojson needs --mapping FILE (see importers/README.md)");
    }

    @Test
    void theRnaListsOnlyAssociations() {
        assertThatThrownBy(() -> ImportRequest.of(RecordKind.INITIATIVE, "rna", ImportRequest.Format.RNA, CSV_FILE, null))
                .hasMessage("the RNA lists associations: import it as actors");
    }

    @Test
    void formatsByName() {
        assertThat(ImportRequest.Format.parse("GoGoCarto")).isEqualTo(ImportRequest.Format.GOGOCARTO);
        assertThatThrownBy(() -> ImportRequest.Format.parse("xlsx"))
                .hasMessage("unknown format 'xlsx': expected csv, geojson, gogocarto, rna or ics");
        // A calendar holds events, and events come from calendars.
        assertThatThrownBy(() -> ImportRequest.of(RecordKind.ACTOR, "a", ImportRequest.Format.ICS, Path.of("a.ics"), null))
                .hasMessageContaining("import events --format ics");
        assertThatThrownBy(() -> ImportRequest.of(RecordKind.EVENT, "a", ImportRequest.Format.CSV, Path.of("a.csv"), Path.of("m.yaml")))
                .hasMessageContaining("--format ics");
    }

    @Test
    void rejectsGoNextToTheInputUnlessSaidOtherwise() {
        Path input = Path.of("/data/annuaire.csv");
        Path mapping = Path.of("m.yaml");

        assertThat(ImportRequest.of(RecordKind.ACTOR, "a", ImportRequest.Format.CSV, input, mapping).rejectsFile())
                .isEqualTo(Path.of("/data/annuaire.csv.rejects.csv"));
        assertThat(new ImportRequest(RecordKind.ACTOR, "a", ImportRequest.Format.CSV, input, mapping, false, false, Path.of("/tmp/r.csv"))
                .rejectsFile()).isEqualTo(Path.of("/tmp/r.csv"));
    }

    @Test
    void aMissingFileOrABrokenMappingIsRefusedBeforeConnecting() {
        DirectoryImport directoryImport = new DirectoryImport(NOWHERE, Progress.Factory.silent());
        Path missing = Path.of("/nonexistent/annuaire.csv");

        assertThatThrownBy(() -> directoryImport.run(ImportRequest.of(RecordKind.ACTOR, "a", ImportRequest.Format.CSV, missing,
                fixture("mapping/actors-full.yaml"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read " + missing + ": no such readable file");
        assertThatThrownBy(() -> directoryImport.run(ImportRequest.of(RecordKind.ACTOR, "a", ImportRequest.Format.CSV, CSV_FILE,
                fixture("mapping/unknown-field.yaml"))))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("unknown field 'nom'");
    }
}
