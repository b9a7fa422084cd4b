package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatetimeIntervalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "2026-01-31T08:00:00Z, 2026-01-31T08:00:00Z, 2026-01-31T08:00:00Z",
            "2026-01-31T08:00:00+01:00, 2026-01-31T07:00:00Z, 2026-01-31T07:00:00Z",
            "2026-01-31, 2026-01-31T00:00:00Z, 2026-01-31T23:59:59.999999Z",
            "2026-01-31T, 2026-01-31T00:00:00Z, 2026-01-31T23:59:59.999999Z",
            "2026-01-01T00:00:00Z/.., 2026-01-01T00:00:00Z, null",
            "../2026-01-01T00:00:00Z, null, 2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z/, 2026-01-01T00:00:00Z, null",
            "2026-01-01/2026-01-31, 2026-01-01T00:00:00Z, 2026-01-31T23:59:59.999999Z",
            "../.., null, null"})
    void anInstantADayOrAnIntervalIsAClosedIntervalWithOpenEnds(String value, String start, String end) {
        DatetimeInterval interval = DatetimeInterval.parse(value);

        assertThat(interval.start() == null ? null : interval.start().toInstant())
                .isEqualTo(start == null ? null : OffsetDateTime.parse(start).toInstant());
        assertThat(interval.end() == null ? null : interval.end().toInstant())
                .isEqualTo(end == null ? null : OffsetDateTime.parse(end).toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-01-31T08:00:00", "2026-01-31T08:00:00 01:00", "a/b/c",
            "2026-02-01/2026-01-01", "99999-01-01", "+99999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "0000-01-01", "2026-01-01/+10000-01-01T00:00:00Z"})
    void anythingElseIsABadDatetime(String value) {
        assertThatThrownBy(() -> DatetimeInterval.parse(value))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("datetime"));
    }
}
