package org.atlascitoyen.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CSV files of actors as spreadsheets export them, into a fresh database each. */
class CsvImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void utf8WithCommas() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/utf8-comma.csv"), fixture("mapping/actors-full.yaml"));

        assertThat(report.read()).isEqualTo(4);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(report.rejected()).isZero();
        assertThat(report.rejectFile()).isNull();
        assertThat(report.notes()).containsExactly("encoding UTF-8, delimiter ','");
        assertThat(report.workedAround()).containsOnly(
                Map.entry("unknown type (association used)", Map.of("Jardinage", 1L)),
                Map.entry("unknown theme (left out)", Map.of("Pétanque", 1L)));

        assertThat(db.actor("Maison des Initiatives Citoyennes")).isEqualTo("Maison des Initiatives Citoyennes | association | "
                + "culture,participation_citoyenne | address | 31555 | 243100518 | 31 | false | 1.4440 43.6045");
        assertThat(db.actor("La Fabrique")).isEqualTo("La Fabrique | tiers_lieu | mobilite,numerique | commune | 34172 | 243400017 | 34 | false | "
                + db.communePoint("34172"));
        assertThat(db.actor("Centre social Bagatelle")).isEqualTo("Centre social Bagatelle | centre_social | solidarites | commune | 31555 | "
                + "243100518 | 31 | false | " + db.communePoint("31555"));
        assertThat(db.actor("Amicale des Jardiniers")).isEqualTo("Amicale des Jardiniers | association | alimentation | commune | 81004 | "
                + "248100737 | 81 | false | " + db.communePoint("81004"));
        assertThat(db.rows("SELECT description, address, postcode, website, website_host, siren, petr, bassin_vie, region FROM actor "
                + "WHERE name IN ('Maison des Initiatives Citoyennes', 'Amicale des Jardiniers') ORDER BY name")).containsExactly(
                "null | null | null | null | null | 813456789 | null | 81004 | 76",
                "Débats et ateliers ouverts à tous | 2 place du Capitole | 31000 | https://www.maison-initiatives.fr/ | "
                        + "maison-initiatives.fr | null | null | 31555 | 76");
        assertThat(db.rows("SELECT p.source, p.external_id, a.name, p.seen, p.match_rule FROM actor_provenance p "
                + "JOIN actor a ON a.id = p.actor_id ORDER BY p.external_id")).containsExactly(
                "annuaire | A1 | Maison des Initiatives Citoyennes | true | null",
                "annuaire | A2 | La Fabrique | true | null",
                "annuaire | A3 | Centre social Bagatelle | true | null",
                "annuaire | A4 | Amicale des Jardiniers | true | null");
        long phases = report.phaseMillis().values().stream().mapToLong(Long::longValue).sum();
        assertThat(db.rows("SELECT id, record_kind, source, format, status, read, inserted, rejected, reject_file, "
                + "report->>'inserted', extract(epoch FROM finished_at - started_at) * 1000 >= ? FROM import_run", phases))
                .containsExactly(report.runId() + " | actor | annuaire | csv | succeeded | 4 | 4 | 0 | null | 4 | true");
        assertThat(db.rows("SELECT name, format FROM source")).containsExactly("annuaire | csv");
    }

    @Test
    void windows1252WithSemicolonsAndACellOverSeveralLines() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/windows-1252-semicolon.csv"),
                fixture("mapping/actors-full.yaml"));

        assertThat(report.notes()).containsExactly("encoding windows-1252, delimiter ';'");
        assertThat(report.read()).isEqualTo(4);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejectsByReason()).containsExactly(Map.entry("no location", 1L));
        // The record after the three-line cell starts on line 6 of the file.
        assertThat(reject(report, 6)).isEqualTo("no location | no coordinates, commune, postcode or territory");

        assertThat(db.actor("Cœur d’Hérault Solidarité")).isEqualTo("Cœur d’Hérault Solidarité | association | solidarites | commune | "
                + "34142 | 200017341 | 34 | false | " + db.communePoint("34142"));
        assertThat(db.actor("Fête à Béziers")).isEqualTo("Fête à Béziers | collectif_habitants | culture | address | 34032 | "
                + "243400769 | 34 | false | 3.2158 43.3442");
        assertThat(db.actor("Garçons & Filles de Sète")).startsWith("Garçons & Filles de Sète | association | sport | commune | 34301 |");
        assertThat(db.value("SELECT description FROM actor WHERE name = 'Fête à Béziers'")).isEqualTo(
                "Un festival de quartier.\nDeuxième ligne : « bénévoles bienvenus ».\nTroisième ligne; avec un point-virgule.");
    }

    @Test
    void utf8WithByteOrderMark() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/utf8-bom.csv"), fixture("mapping/actors-full.yaml"));

        assertThat(report.notes()).containsExactly("encoding UTF-8 with BOM, delimiter ','");
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(db.actor("Épicerie Solidaire de Rodez")).isEqualTo("Épicerie Solidaire de Rodez | association | solidarites | address | "
                + "12202 | 241200187 | 12 | false | 2.5750 44.3506");
        assertThat(db.rows("SELECT external_id FROM actor_provenance")).containsExactly("B1");
    }

    @Test
    void tabSeparatedWithCommasInNames() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/tab-separated.csv"), fixture("mapping/actors-located.json"));

        assertThat(report.notes()).containsExactly("encoding UTF-8, delimiter tab");
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(db.rows("SELECT name, commune FROM actor")).containsExactly("Association, collectif et compagnie | 31555");
    }
}
