package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.GOGOCARTO;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Imports started at the same time run one after the other, so that the second sees the first. */
class ConcurrentImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void twoSourcesImportedAtOnceAreMergedAsIfOneAfterTheOther() throws Exception {
        Callable<DirectoryImportReport> a = () -> db.importActors("annuaire-a", CSV, fixture("csv/dedup-source-a.csv"),
                fixture("mapping/actors-full.yaml"));
        Callable<DirectoryImportReport> b = () -> db.importActors("carte-b", GOGOCARTO, fixture("gogocarto/dedup-source-b.json"),
                fixture("mapping/gogocarto-dedup.yaml"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<DirectoryImportReport>> runs;
        try {
            runs = pool.invokeAll(List.of(a, b));
        } finally {
            pool.shutdown();
        }
        DirectoryImportReport first = runs.get(0).get();
        DirectoryImportReport second = runs.get(1).get();

        // Whichever ran second merged the four actors both directories list on strong evidence and
        // listed two pairs as possible duplicates (see DedupIT).
        assertThat(first.merged() + second.merged()).isEqualTo(4);
        assertThat(first.inserted() + second.inserted()).isEqualTo(10);
        assertThat(db.count("actor")).isEqualTo(10);
        assertThat(db.count("actor_provenance")).isEqualTo(14);
        assertThat(db.count("record_merge")).isEqualTo(4);
        assertThat(db.rows("SELECT DISTINCT rule FROM record_merge ORDER BY 1")).containsExactly("name-commune", "siren", "website");
        assertThat(db.rows("SELECT rule FROM merge_candidate ORDER BY rule")).containsExactly("name-neighbour", "similar-name");
    }
}
