package org.atlascitoyen.importers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.GOGOCARTO;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ./atlas merges}: the possible duplicates of two directories (csv/dedup-source-a.csv and
 * gogocarto/dedup-source-b.json, see DedupIT) accepted or declined, merges undone, and the
 * decisions remembered by the next imports; and the numbered homonyms of dedup/, never two rows of
 * one source in one record.
 */
class MergesIT {

    /** Every column of an actor but the time of its last change, and its provenance. */
    private static final String ACTOR = "SELECT (to_jsonb(a) - 'updated_at' - 'search')::text, "
            + "(SELECT string_agg(p.source || ':' || p.external_id || ':' || coalesce(p.match_rule, 'new'), ' ' ORDER BY p.source) "
            + "FROM actor_provenance p WHERE p.actor_id = a.id) FROM actor a WHERE a.name = ?";

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private DirectoryImportReport importA() throws Exception {
        return db.importActors("annuaire-a", CSV, fixture("csv/dedup-source-a.csv"), fixture("mapping/actors-full.yaml"));
    }

    private DirectoryImportReport importB() throws Exception {
        return db.importActors("carte-b", GOGOCARTO, fixture("gogocarto/dedup-source-b.json"), fixture("mapping/gogocarto-dedup.yaml"));
    }

    private String merges(String... args) throws Exception {
        output.reset();
        new MergesCommand(new PrintStream(output, true, StandardCharsets.UTF_8), Map.of("USER", "tester"))
                .run(db.config(), new ArrayDeque<>(List.of(args)));
        return output.toString(StandardCharsets.UTF_8);
    }

    private String idOf(String name) throws Exception {
        return db.value("SELECT id FROM actor WHERE name = ?", name);
    }

    private String similarity() throws Exception {
        return String.format(Locale.ROOT, "%.2f", Float.parseFloat(db.value("SELECT score FROM merge_candidate WHERE rule = 'similar-name'")));
    }

    private String candidate() throws Exception {
        return db.value("SELECT id FROM merge_candidate WHERE rule = 'name-neighbour'");
    }

    @Test
    void aPossibleDuplicateIsListedThenAcceptedThenUndone() throws Exception {
        importA();
        String before = String.join("\n", db.rows(ACTOR, "Jardin partagé des Izards"));
        importB();
        String id = candidate();

        assertThat(merges()).isEqualTo("""
                Possible duplicates waiting for a decision (./atlas merges accept ID | decline ID):
                  %s  actor, name-neighbour
                      existing #%s 'Jardin partagé des Izards' in Toulouse, annuaire-a a5
                      proposed #%s 'Jardin Partagé des Izards' in Blagnac, carte-b b5
                  %d  actor, similar-name %s
                      existing #%s 'Ferme pédagogique du Moulin' in Toulouse, annuaire-a a7
                      proposed #%s 'La Ferme du Moulin' in Toulouse, carte-b b7
                """.formatted(id, idOf("Jardin partagé des Izards"), idOf("Jardin Partagé des Izards"), Long.parseLong(id) + 1,
                similarity(), idOf("Ferme pédagogique du Moulin"), idOf("La Ferme du Moulin")));
        String existing = idOf("Jardin partagé des Izards");
        String proposed = idOf("Jardin Partagé des Izards");

        assertThat(merges("accept", id)).startsWith("Possible duplicate " + id + " accepted");
        assertThat(db.count("actor")).isEqualTo(9);
        assertThat(db.rows("SELECT p.source || ':' || p.external_id || ':' || coalesce(p.match_rule, 'new') FROM actor_provenance p "
                + "WHERE p.actor_id = ?::bigint ORDER BY 1", existing))
                .containsExactly("annuaire-a:a5:new", "carte-b:b5:name-neighbour");
        assertThat(db.value("SELECT status || ' ' || decided_by || ' ' || (decided_at IS NOT NULL) FROM merge_candidate WHERE id = " + id))
                .isEqualTo("accepted tester true");
        assertThat(merges()).doesNotContain("Izards");
        String merge = db.value("SELECT id FROM record_merge WHERE merged_by = 'tester'");
        assertThat(merges("done")).contains("  " + merge + "  actor #" + existing + " 'Jardin partagé des Izards' <- 'Jardin Partagé des Izards' "
                + "(carte-b b5 name-neighbour) by tester");

        assertThat(merges("undo", merge)).startsWith("Merge " + merge + " undone");
        assertThat(String.join("\n", db.rows(ACTOR, "Jardin partagé des Izards"))).isEqualTo(before);
        // Accepting kept the absorbed record's values, id included: undoing gives them back.
        assertThat(db.rows("SELECT id, commune, epci, departement, precision FROM actor WHERE name = 'Jardin Partagé des Izards'"))
                .containsExactly(proposed + " | 31069 | 243100518 | 31 | commune");
        assertThat(db.value("SELECT status FROM merge_candidate WHERE id = " + id)).isEqualTo("declined");
        assertThatThrownBy(() -> merges("undo", merge)).hasMessageContaining("undone already");

        // The next import of B rewrites the restored row from its source and proposes nothing.
        DirectoryImportReport again = importB();
        assertThat(again.merged() + again.inserted() + again.possibleDuplicates()).isZero();
        assertThat(db.count("actor")).isEqualTo(10);
    }

    @Test
    void aDeclinedPairIsNeverProposedAgainEvenWhenItsRowComesBackNew() throws Exception {
        importA();
        importB();
        String id = candidate();

        assertThat(merges("decline", id)).isEqualTo("Possible duplicate " + id + " declined: the two records stay apart.\n");
        assertThatThrownBy(() -> merges("accept", id)).hasMessageContaining("was declined already");
        assertThatThrownBy(() -> merges("decline", id)).hasMessageContaining("no pending possible duplicate");

        // The source is emptied and imported anew: its rows are new to it, and the declined pair stays apart.
        db.rows("DELETE FROM actor a USING actor_provenance p WHERE p.actor_id = a.id AND p.source = 'carte-b' "
                + "AND NOT EXISTS (SELECT FROM actor_provenance q WHERE q.actor_id = a.id AND q.source <> 'carte-b') RETURNING a.id");
        db.rows("DELETE FROM actor_provenance WHERE source = 'carte-b' RETURNING external_id");
        DirectoryImportReport again = importB();
        assertThat(again.merged()).isEqualTo(4);
        assertThat(again.possibleDuplicatesByRule()).containsOnlyKeys("similar-name");
        assertThat(db.value("SELECT count(*) FROM merge_candidate WHERE status = 'declined'")).isEqualTo("1");
    }

    @Test
    void anAutomaticMergeIsUndoneToBothRecordsAsTheyWere() throws Exception {
        importA();
        String before = String.join("\n", db.rows(ACTOR, "Collectif Vélo Toulouse"));
        DirectoryImportReport b = importB();
        // The merge took B's point at an address: undoing it puts A's commune point back.
        assertThat(db.value("SELECT precision FROM actor WHERE name = 'Collectif Vélo Toulouse'")).isEqualTo("address");
        long merge = b.merges().get(0).id();

        merges("undo", Long.toString(merge));

        assertThat(String.join("\n", db.rows(ACTOR, "Collectif Vélo Toulouse"))).isEqualTo(before);
        assertThat(db.rows("SELECT name, type, precision, commune, epci, departement, round(ST_X(geom)::numeric, 4), "
                + "name_key, name_kinds, p.source || ':' || p.external_id || ':' || coalesce(p.match_rule, 'new') "
                + "FROM actor a JOIN actor_provenance p ON p.actor_id = a.id WHERE name = 'COLLECTIF VELO-TOULOUSE'"))
                .containsExactly("COLLECTIF VELO-TOULOUSE | association | address | 31555 | 243100518 | 31 | 1.4440 | "
                        + "velo | collectif | carte-b:b1:new");
        assertThat(db.rows("SELECT status, rule FROM merge_candidate ORDER BY id"))
                .containsExactly("pending | name-neighbour", "pending | similar-name", "declined | name-commune");

        // Re-importing B rewrites the restored row from its source, and never merges it again.
        DirectoryImportReport again = importB();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.merged()).isZero();
        assertThat(db.count("actor")).isEqualTo(11);
    }

    @Test
    void twoRowsOfOneSourceNeverShareARecord() throws Exception {
        db.importActors("annuaire", CSV, fixture("dedup/numbered-existing.csv"), fixture("mapping/actors-full.yaml"));
        DirectoryImportReport homonyms = db.importActors("registre", CSV, fixture("dedup/numbered-homonyms.csv"),
                fixture("mapping/actors-full.yaml"));
        DirectoryImportReport later = db.importActors("registre", CSV, fixture("dedup/numbered-homonyms-later.csv"),
                fixture("mapping/actors-full.yaml"));
        DirectoryImportReport twice = db.importActors("registre-bis", CSV, fixture("dedup/same-source-twice.csv"),
                fixture("mapping/actors-full.yaml"));

        assertThat(homonyms.mergedByRule()).containsOnly(Map.entry("name-commune", 2L));
        assertThat(homonyms.possibleDuplicates()).isZero();
        // Both rows of registre-bis are record n1 by name: one merges, the other stays a record of its own.
        assertThat(twice.merged()).isEqualTo(1);
        assertThat(twice.inserted()).isEqualTo(1);
        // n1 already comes from registre: another registre row is not merged into it.
        assertThat(later.merged()).isZero();
        assertThat(later.inserted()).isEqualTo(1);
        assertThat(db.rows("SELECT a.name, string_agg(p.source || ':' || p.external_id, ' ' ORDER BY p.source) FROM actor a "
                + "JOIN actor_provenance p ON p.actor_id = a.id GROUP BY a.id, a.name ORDER BY a.id")).containsExactly(
                "Association La Bastide-du-Salat 1672 | annuaire:n1 registre:same-n1 registre-bis:t1",
                "Foyer rural de La Bastide-du-Salat | annuaire:n2 registre:same-n2",
                "Association La Bastide-du-Salat 1680 | registre:other-h1",
                "Association La Bastide-du-Salat 1688 | registre:other-h2",
                "Association La Bastide-du-Salat 1694 | registre:other-h3",
                "Amicale de La Bastide-du-Salat | registre:other-h4",
                "Asso. La Bastide-du-Salat 1672 | registre:later-1",
                "Association La Bastide-du-Salat 1672 | registre-bis:t2");
        assertThat(db.rows("SELECT name, name_key, name_kinds FROM actor ORDER BY id LIMIT 2"))
                .containsExactly("Association La Bastide-du-Salat 1672 | 1672 | ", "Foyer rural de La Bastide-du-Salat |  | foyer rural");
    }
}
