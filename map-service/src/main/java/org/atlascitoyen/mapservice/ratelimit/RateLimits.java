package org.atlascitoyen.mapservice.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits by name and key ({@code check("signin-email", address)}): token buckets of Bucket4j
 * kept in PostgreSQL ({@code rate_limit_bucket}, a row locked while it is updated), so that every
 * instance of the service counts in the same bucket. The row's id is a SHA-256 of the name and
 * the key: an address or an IP is never stored in clear. Limits are {@link RateLimitProperties}.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    /** A bucket is forgotten this long after it is full again. */
    private static final Duration KEEP_FULL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final RateLimitProperties limits;

    RateLimits(@Qualifier(WriteDatabase.WRITE) DataSource dataSource, RateLimitProperties limits) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build();
        this.limits = limits;
    }

    /**
     * Takes one request from the bucket of {@code key} under the limit {@code limitName}
     * ({@code signin-ip}, {@code signin-email}, {@code contribution-ip},
     * {@code contribution-account}, {@code report-ip}).
     *
     * @throws RateLimitExceededException when the bucket is empty: a 429 with Retry-After
     * @throws IllegalArgumentException   for an unknown limit name
     */
    public void check(String limitName, String key) {
        check(limitName, limits.byName(limitName), key);
    }

    /**
     * Takes one request from the bucket of {@code key} under a limit that a feature keeps in its
     * own settings (the contact relay's, {@code ContactProperties}): the bucket is named
     * {@code limitName}, which must differ from every other limit's name.
     *
     * @throws RateLimitExceededException when the bucket is empty: a 429 with Retry-After
     */
    public void check(String limitName, Limit limit, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        ConsumptionProbe probe = buckets.builder().build(id(limitName, key), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitExceededException(limitName, seconds);
        }
    }

    /** Forgets the buckets that are full again (they would start full anyway). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("Could not remove the expired rate-limit buckets: {}", e.getMessage());
        }
    }

    static String id(String limitName, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((limitName + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
