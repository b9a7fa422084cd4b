package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.GOGOCARTO;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same actors in two directories, spelled differently: source A is a spreadsheet
 * (csv/dedup-source-a.csv), source B a GoGoCarto map (gogocarto/dedup-source-b.json) whose
 * element bN is the actor aN of A. Elements 1 to 4 are merged on strong evidence (the same
 * distinctive name in the same commune, the same website, the same SIREN); element 5, the same
 * name in a neighbouring commune, is weaker evidence: it becomes a record of its own and the pair
 * is listed for review. 6 and 7 are other actors and stay apart.
 */
class DedupIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();
    private DirectoryImportReport a;
    private DirectoryImportReport b;

    @BeforeEach
    void importBothSources() throws Exception {
        a = db.importActors("annuaire-a", CSV, fixture("csv/dedup-source-a.csv"), fixture("mapping/actors-full.yaml"));
        b = db.importActors("carte-b", GOGOCARTO, fixture("gogocarto/dedup-source-b.json"), fixture("mapping/gogocarto-dedup.yaml"));
    }

    @Test
    void eachRuleMergesTheSameActorSpelledDifferently() throws Exception {
        assertThat(a.inserted()).isEqualTo(7);
        assertThat(b.read()).isEqualTo(7);
        assertThat(b.merged()).isEqualTo(4);
        assertThat(b.inserted()).isEqualTo(3);
        assertThat(b.mergedByRule()).containsExactly(entry("name-commune", 2L), entry("siren", 1L), entry("website", 1L));
        assertThat(b.possibleDuplicatesByRule()).containsExactly(entry("name-neighbour", 1L), entry("similar-name", 1L));
        assertThat(b.merges()).extracting(m -> m.line() + " " + m.importedName() + " -> " + m.existingName() + " (" + m.rule() + ")")
                .containsExactly(
                        "1 COLLECTIF VELO-TOULOUSE -> Collectif Vélo Toulouse (name-commune)",
                        "2 Amis de la Terre 31 -> Les Amis de la Terre Haute-Garonne (website)",
                        "3 Solidarité Paysans Occitanie -> Association Solidarité Paysans (siren)",
                        "4 Repair Cafe Colomiers -> Repair Café de Colomiers (name-commune)");
        assertThat(b.merges().get(1).score()).isBetween(0.3f, 0.6f);

        assertThat(db.count("actor")).isEqualTo(10);
        assertThat(db.rows("SELECT a.name, string_agg(p.source || ':' || p.external_id || ':' || coalesce(p.match_rule, 'new'), ' ' "
                + "ORDER BY p.source) FROM actor a JOIN actor_provenance p ON p.actor_id = a.id GROUP BY a.id, a.name ORDER BY a.id"))
                .containsExactly(
                        "Collectif Vélo Toulouse | annuaire-a:a1:new carte-b:b1:name-commune",
                        "Les Amis de la Terre Haute-Garonne | annuaire-a:a2:new carte-b:b2:website",
                        "Association Solidarité Paysans | annuaire-a:a3:new carte-b:b3:siren",
                        "Repair Café de Colomiers | annuaire-a:a4:new carte-b:b4:name-commune",
                        "Jardin partagé des Izards | annuaire-a:a5:new",
                        "Les Petits Débrouillards | annuaire-a:a6:new",
                        "Ferme pédagogique du Moulin | annuaire-a:a7:new",
                        "Jardin Partagé des Izards | carte-b:b5:new",
                        "Les Petits Debrouillards | carte-b:b6:new",
                        "La Ferme du Moulin | carte-b:b7:new");
        assertThat(db.rows("SELECT run_id, record_kind, source, external_id, line, imported_name, existing_name, rule FROM record_merge "
                + "ORDER BY line")).containsExactly(
                b.runId() + " | actor | carte-b | b1 | 1 | COLLECTIF VELO-TOULOUSE | Collectif Vélo Toulouse | name-commune",
                b.runId() + " | actor | carte-b | b2 | 2 | Amis de la Terre 31 | Les Amis de la Terre Haute-Garonne | website",
                b.runId() + " | actor | carte-b | b3 | 3 | Solidarité Paysans Occitanie | Association Solidarité Paysans | siren",
                b.runId() + " | actor | carte-b | b4 | 4 | Repair Cafe Colomiers | Repair Café de Colomiers | name-commune");
        // The farm shares a Facebook page, which says nothing, and a similar name, which is worth a look.
        assertThat(db.rows("SELECT record_source, record_external_id, source, external_id, rule, status, run_id FROM merge_candidate "
                + "ORDER BY id")).containsExactly(
                "annuaire-a | a5 | carte-b | b5 | name-neighbour | pending | " + b.runId(),
                "annuaire-a | a7 | carte-b | b7 | similar-name | pending | " + b.runId());
    }

    @Test
    void aMergeAddsThemesAndUpgradesTheLocationToTheAddress() throws Exception {
        // A knew the collective's commune only; B has its point and another theme.
        assertThat(db.actor("Collectif Vélo Toulouse")).isEqualTo("Collectif Vélo Toulouse | collectif_habitants | "
                + "mobilite,participation_citoyenne | address | 31555 | 243100518 | 31 | false | 1.4440 43.6045");
        // A merge keeps the existing name, type and place when they are as precise.
        assertThat(db.actor("Association Solidarité Paysans")).isEqualTo("Association Solidarité Paysans | association | alimentation | "
                + "commune | 34172 | 243400017 | 34 | false | " + db.communePoint("34172"));
        assertThat(db.value("SELECT website || ' ' || website_host FROM actor WHERE name = 'Les Amis de la Terre Haute-Garonne'"))
                .isEqualTo("https://www.amisdelaterre31.org/ amisdelaterre31.org");
    }

    @Test
    void theSameNameFarAwayOrTheSameSocialNetworkHostIsNotTheSameActor() throws Exception {
        assertThat(db.rows("SELECT name, commune, website_host FROM actor WHERE name_search IN "
                + "('les petits debrouillards', 'ferme pedagogique du moulin', 'la ferme du moulin') ORDER BY id")).containsExactly(
                "Les Petits Débrouillards | 31555 | null",
                "Ferme pédagogique du Moulin | 31555 | facebook.com",
                "Les Petits Debrouillards | 34172 | null",
                "La Ferme du Moulin | 31555 | facebook.com");
        // With a host of its own the pair would merge: same département, names similar enough.
        assertThat(db.value("SELECT similarity('ferme pedagogique du moulin', 'la ferme du moulin') BETWEEN 0.3 AND 0.6")).isEqualTo("true");
    }

    @Test
    void reImportingTheSecondSourceMergesNothingMore() throws Exception {
        String actors = String.join("\n", db.rows("SELECT a::text FROM actor a ORDER BY id"));

        DirectoryImportReport again = db.importActors("carte-b", GOGOCARTO, fixture("gogocarto/dedup-source-b.json"),
                fixture("mapping/gogocarto-dedup.yaml"));

        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(again.merged() + again.inserted() + again.updated()).isZero();
        assertThat(String.join("\n", db.rows("SELECT a::text FROM actor a ORDER BY id"))).isEqualTo(actors);
        assertThat(db.count("record_merge")).isEqualTo(4);
        assertThat(db.count("merge_candidate")).isEqualTo(2);
    }
}
