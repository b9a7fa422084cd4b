package org.atlascitoyen.importers.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.assertEveryRowAccountedFor;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Directory rows that name a former territory code (territory_alias): one successor locates the
 * row there with a note in the report; none (withdrawn) or several reject it with the
 * replacements named. Successors are read from the alias table the reference import built.
 */
class TerritoryAliasLocateIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void aFormerCodeLocatesTheRowInItsOneSuccessorOrIsRejectedNamingTheReplacements() throws Exception {
        String mosson = db.value("SELECT array_to_string(successors, ',') FROM territory_successor WHERE kind = 'qpv' AND code = 'QP034005'");
        String midiQuercy = db.value("SELECT array_to_string(successors, ',') FROM territory_successor WHERE kind = 'petr' AND code = 'petr-midi-quercy'");
        assertThat(db.value("SELECT cardinality(successors) FROM territory_successor WHERE kind = 'qpv' AND code = 'QP031009'"))
                .as("QP031009 Bourbaki has no 2024 successor in the data").isEqualTo("0");
        // A former code with two successors: no real one has, so this fixture adds one.
        try (Connection c = db.config().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO territory_alias (kind, code, name, vintage, current_code, share, reason) "
                    + "SELECT 'qpv', 'QP999999', 'Quartier fictif', 'QPV 2015 (test)', code, 0.5, 'test' FROM territory "
                    + "WHERE kind = 'qpv' AND code IN ('" + mosson + "', (SELECT min(code) FROM territory WHERE kind = 'qpv'))");
        }
        String ambiguous = db.value("SELECT 'qpv:' || array_to_string(successors, ', qpv:') FROM territory_successor WHERE code = 'QP999999'");

        DirectoryImportReport report = db.importActors("anciens-codes", CSV, fixture("csv/territory-former-codes.csv"),
                fixture("mapping/actors-territory-level-and-code.yaml"));

        assertEveryRowAccountedFor(report);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejectsByReason()).containsOnly(Map.entry("territory replaced", 2L));
        assertThat(reject(report, 3)).isEqualTo("territory replaced | qpv:QP031009 is a code of "
                + db.value("SELECT vintage FROM territory_successor WHERE code = 'QP031009'") + "; no current qpv replaces it");
        assertThat(reject(report, 5)).isEqualTo("territory replaced | qpv:QP999999 is a code of QPV 2015 (test); its area is now in "
                + ambiguous + ": name one of them");
        // Located exactly as a row naming the successor is.
        assertThat(db.rows("SELECT name, territory_kind, territory_code, precision FROM actor ORDER BY name")).containsExactly(
                "Amicale de la Mosson | qpv | " + mosson + " | territory",
                "Pays Midi-Quercy en transition | petr | " + midiQuercy + " | territory",
                "Régie de quartier de la Mosson | qpv | " + mosson + " | territory");
        assertThat(db.value("SELECT count(DISTINCT (geom, commune)) FROM actor WHERE territory_code = ?", mosson)).isEqualTo("1");
        assertThat(report.workedAround()).containsKeys("territory alias: QP034005 -> " + mosson,
                "territory alias: petr-midi-quercy -> " + midiQuercy);
    }
}
