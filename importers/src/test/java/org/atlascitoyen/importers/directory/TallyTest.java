package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tallies of the cleaning threads (ParallelStaging) add up to what one cleaner would count. */
class TallyTest {

    @Test
    void addingATallySumsTheCountsOfEachValue() {
        Tally import_ = new Tally();
        Tally worker = new Tally();
        import_.add("unknown theme (left out)", "Pétanque");
        worker.add("unknown theme (left out)", "Pétanque");
        worker.add("unknown theme (left out)", "Belote");
        worker.add("latitude and longitude swapped: fixed");

        import_.addAll(worker);

        assertThat(import_.counts()).isEqualTo(Map.of(
                "unknown theme (left out)", Map.of("Pétanque", 2L, "Belote", 1L),
                "latitude and longitude swapped: fixed", Map.of("", 1L)));
    }

    @Test
    void addingATallyKeepsTheBoundOnDistinctValues() {
        Tally import_ = new Tally();
        Tally worker = new Tally();
        worker.add("unknown type", "type 3");
        for (int i = 0; i < 50; i++) {
            import_.add("unknown type", "type " + i);
            worker.add("unknown type", "other type " + i);
        }

        import_.addAll(worker);

        Map<String, Long> values = import_.counts().get("unknown type");
        assertThat(values).hasSize(51);
        assertThat(values.get("type 3")).isEqualTo(2);
        assertThat(values.get("(other values)")).isEqualTo(50);
        assertThat(values.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(101);
    }
}
