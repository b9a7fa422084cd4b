package org.atlascitoyen.mapservice.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock of a rights request as the console shows it: whole days left, or whole days overdue. */
class RightsClockTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void daysLeftCountWholeDaysOnBothSidesOfTheDueDate() {
        assertThat(RightsModerationService.daysLeft(NOW, NOW.plusDays(29).plusHours(12))).isEqualTo(29);
        assertThat(RightsModerationService.daysLeft(NOW, NOW.plusHours(5))).isZero();
        assertThat(RightsModerationService.daysLeft(NOW, NOW.minusHours(5))).isZero();
        assertThat(RightsModerationService.daysLeft(NOW, NOW.minusDays(9).minusMinutes(1))).isEqualTo(-9);
        assertThat(RightsModerationService.daysLeft(NOW, null)).isZero();
    }

    @Test
    void theAnswerIsTheSameTextWhateverHappened() {
        assertThat(RightsRequestReceived.SAME.message()).startsWith("Demande reçue.").doesNotContain("@");
    }
}
