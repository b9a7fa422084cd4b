package org.atlascitoyen.importers.rna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.RNA;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The national register of associations, waldec export: ';', ISO-8859-1, dissolved associations included. */
class RnaImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void activeAssociationsWithThemesFromTheirObjectDissolvedOnesRejected() throws Exception {
        DirectoryImportReport report = db.importActors("rna-occitanie", RNA, fixture("rna/waldec-latin1.csv"), null);

        assertThat(report.notes()).first().isEqualTo("encoding windows-1252, delimiter ';'");
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejectsByReason()).containsExactly(Map.entry("dissolved association", 3L));
        assertThat(reject(report, 3)).isEqualTo("dissolved association | position D (dissoute) in the register");
        assertThat(reject(report, 4)).isEqualTo("dissolved association | dissolved on 2019-06-30");
        assertThat(reject(report, 6)).isEqualTo("dissolved association | position S (supprimée) in the register");

        assertThat(db.actor("AMIS DU JARDIN PARTAGÉ DES IZARDS")).isEqualTo("AMIS DU JARDIN PARTAGÉ DES IZARDS | association | "
                + "alimentation,climat,education_environnement,solidarites | commune | 31555 | 243100518 | 31 | false | "
                + db.communePoint("31555"));
        assertThat(db.actor("RÉSEAU CITOYEN DES ÉNERGIES RENOUVELABLES")).isEqualTo("RÉSEAU CITOYEN DES ÉNERGIES RENOUVELABLES | "
                + "association | energie | commune | 34172 | 243400017 | 34 | false | " + db.communePoint("34172"));
        assertThat(db.actor("CLUB DE RUGBY ALBIGEOIS")).contains("| association | sport | commune | 81004 |");
        assertThat(db.rows("SELECT rna, siren, address, postcode, website, website_host, description FROM actor ORDER BY rna")).containsExactly(
                "W313000001 | null | 12 RUE DES IZARDS | 31200 | null | null | Créer et animer un jardin partagé, favoriser le lien social "
                        + "et l'éducation à l'environnement",
                "W343000004 | 813456789 | 3 B AV DE LA MER | 34000 | https://www.energies-citoyennes-34.fr | energies-citoyennes-34.fr | "
                        + "Promouvoir les énergies renouvelables et la sobriété énergétique auprès des habitants",
                "W813000006 | null | null | 81000 | null | null | Pratique du rugby");
        assertThat(db.rows("SELECT external_id FROM actor_provenance ORDER BY 1")).containsExactly("W313000001", "W343000004", "W813000006");
    }
}
