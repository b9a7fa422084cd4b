package org.atlascitoyen.importers.rna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RnaRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void composesTheAddressAndMarksDissolvedAssociations() throws Exception {
        RnaRowReader reader = new RnaRowReader(fixture("rna/waldec-latin1.csv"));
        List<SourceRow> rows = new ArrayList<>();

        reader.read(rows::add);

        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows).extracting(SourceRow::rejectReason)
                .containsExactly(null, "dissolved association", "dissolved association", null, "dissolved association", null);
        assertThat(rows).extracting(SourceRow::rejectDetail).containsExactly(null, "position D (dissoute) in the register",
                "dissolved on 2019-06-30", null, "position S (supprimée) in the register", null);
        SourceRow jardin = rows.get(0);
        assertThat(jardin.get(Field.EXTERNAL_ID)).isEqualTo("W313000001").isEqualTo(jardin.get(Field.RNA));
        assertThat(jardin.get(Field.NAME)).isEqualTo("AMIS DU JARDIN PARTAGÉ DES IZARDS");
        assertThat(jardin.get(Field.ADDRESS)).isEqualTo("12 RUE DES IZARDS");
        assertThat(jardin.get(Field.COMMUNE_CODE)).isEqualTo("31555");
        SourceRow reseau = rows.get(3);
        assertThat(reseau.get(Field.ADDRESS)).isEqualTo("3 B AV DE LA MER");
        assertThat(reseau.get(Field.SIREN)).isEqualTo("81345678900012");
        assertThat(reseau.get(Field.WEBSITE)).isEqualTo("www.energies-citoyennes-34.fr");
        assertThat(reader.notes()).first().isEqualTo("encoding windows-1252, delimiter ';'");
        // The columns read for the address, the status and the website are not "not imported".
        assertThat(reader.notes()).filteredOn(n -> n.startsWith("columns not imported"))
                .singleElement().asString().contains("id_ex", "titre_court").doesNotContain("adrs_libvoie", "position", "siteweb", "siret");
    }

    @Test
    void anExportWithoutTheColumnsOfEveryVintageIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("rna.csv"), "id;titre;adrs_codeinsee;adrs_codepostal;adrs_libcommune\nW1;X;31555;31000;Toulouse\n");

        assertThatThrownBy(() -> new RnaRowReader(file).read(row -> { }))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("column 'objet' (description) named by the RNA (waldec) columns not in the header");
    }
}
