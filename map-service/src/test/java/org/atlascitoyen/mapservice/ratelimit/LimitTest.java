package org.atlascitoyen.mapservice.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void aLimitIsCapacityOverAnIsoPeriod() {
        assertThat(Limit.parse(" 10 / PT1H ")).isEqualTo(new Limit(10, Duration.ofHours(1)));
        assertThat(Limit.parse("3/P1D").toString()).isEqualTo("3/PT24H");
    }

    @Test
    void malformedOrEmptyLimitsAreRefused() {
        for (String bad : new String[] {"10", "10/", "ten/PT1H", "0/PT1H", "5/PT0S", "5/-PT1H", "5/1h"}) {
            assertThatThrownBy(() -> Limit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theBucketIdHidesTheKey() {
        String id = RateLimits.id("signin-email", "someone@example.org");
        assertThat(id).hasSize(64).doesNotContain("someone").isNotEqualTo(RateLimits.id("signin-ip", "someone@example.org"));
    }
}
