package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as directories write them; a month or a year starts on its first day and ends on its last. */
class DatesTest {

    @ParameterizedTest(name = "\"{0}\" starts {1}, ends {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-01          | 2024-03-01 | 2024-03-01
            2024-3-1            | 2024-03-01 | 2024-03-01
            2024-03-01T09:30:00 | 2024-03-01 | 2024-03-01
            2024-03-01 09:30    | 2024-03-01 | 2024-03-01
            01/03/2024          | 2024-03-01 | 2024-03-01
            1/3/2024            | 2024-03-01 | 2024-03-01
            01.03.2024          | 2024-03-01 | 2024-03-01
            01-03-2024          | 2024-03-01 | 2024-03-01
            03/2024             | 2024-03-01 | 2024-03-31
            2024-02             | 2024-02-01 | 2024-02-29
            2023-02             | 2023-02-01 | 2023-02-28
            2024                | 2024-01-01 | 2024-12-31
            """)
    void reads(String text, LocalDate start, LocalDate end) {
        Tally tally = new Tally();

        assertThat(Dates.read(text, false, tally)).isEqualTo(start);
        assertThat(Dates.read(text, true, tally)).isEqualTo(end);
        assertThat(tally.counts()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is left out and counted")
    @CsvSource(delimiter = '|', textBlock = """
            1/3/24
            31/02/2024
            2024-13-01
            mars 2024
            bientôt
            """)
    void unreadableDatesAreCountedWithTheirText(String text) {
        Tally tally = new Tally();

        assertThat(Dates.read(text, false, tally)).isNull();
        assertThat(tally.counts()).containsOnlyKeys("unreadable date (left out)");
        assertThat(tally.counts().get("unreadable date (left out)")).containsEntry(text, 1L);
    }

    @Test
    void aPeriodReadsItsStartAsAFirstDayAndItsEndAsALastDay() {
        Tally tally = new Tally();

        assertThat(Dates.period("03/2024", "2024", tally)).isEqualTo(new Dates.Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31)));
        assertThat(Dates.period(null, "2024-06", tally)).isEqualTo(new Dates.Period(null, LocalDate.of(2024, 6, 30)));
        assertThat(Dates.period("2024-06-15", "2024-06-15", tally).end()).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void anEndBeforeTheStartIsLeftOutAndCounted() {
        Tally tally = new Tally();

        assertThat(Dates.period("2024-06-15", "2024-06-14", tally)).isEqualTo(new Dates.Period(LocalDate.of(2024, 6, 15), null));
        // The same month ends on its last day, after any day of it.
        assertThat(Dates.period("2024-06-15", "06/2024", tally).end()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(tally.counts()).containsExactly(Map.entry("end date before start date: end date left out", Map.of("", 1L)));
    }

    @Test
    void anUnreadableStartLeavesTheEndAlone() {
        Tally tally = new Tally();

        assertThat(Dates.period("bientôt", "2020", tally)).isEqualTo(new Dates.Period(null, LocalDate.of(2020, 12, 31)));
        assertThat(tally.counts()).containsOnlyKeys("unreadable date (left out)");
    }

    @Test
    void noDateIsNotCounted() {
        Tally tally = new Tally();

        assertThat(Dates.read(null, true, tally)).isNull();
        assertThat(tally.counts()).isEmpty();
    }
}
