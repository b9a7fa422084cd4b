package org.atlascitoyen.mapservice.rights;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delays and limits of the rights requests ({@code atlas.rights.*}); the README lists them with
 * their environment variables ({@code ATLAS_RIGHTS_...}).
 *
 * @param dueAfter           how long after its confirmation a request must be answered (the GDPR's
 *                           one month); past it, the request is overdue and the admins are mailed
 * @param confirmHours       how long the verification link of a request stays valid, in hours
 * @param maxBodyBytes       the largest body of {@code POST /api/rights-requests}, in bytes
 * @param minFillSeconds     an anonymous form sent sooner than this after it was opened is refused
 * @param escalationPeriodMs how often the job looks for overdue requests, in milliseconds
 */
@ConfigurationProperties("atlas.rights")
public record RightsProperties(
        @DefaultValue("P1M") Period dueAfter,
        @DefaultValue("48") int confirmHours,
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("3") int minFillSeconds,
        @DefaultValue("3600000") long escalationPeriodMs) {
}
