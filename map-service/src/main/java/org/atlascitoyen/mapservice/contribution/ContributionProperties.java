package org.atlascitoyen.mapservice.contribution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and delays of contributions and moderation ({@code atlas.contribution.*}); the README
 * lists them with their environment variables ({@code ATLAS_CONTRIBUTION_...}).
 *
 * @param charterVersion      the version of the charter ("charte d'entrée et de sortie") a
 *                            contribution must say its author accepted; any other is refused (400)
 * @param maxBodyBytes        the largest body of {@code POST /api/contributions}, in bytes
 * @param confirmHours        how long the link of a confirmation mail stays valid, in hours
 * @param minFillSeconds      an anonymous form sent sooner than this after it was opened is refused
 *                            (a person cannot fill it that fast; a script can)
 * @param lockMinutes         how long a moderator's lock on an item keeps other moderators off it
 * @param escalateAfterDays   a pending item untouched for this many days moves up to the
 *                            coordinators of the enclosing territory, and again after as many more
 * @param escalationPeriodMs  how often the escalation job looks for such items, in milliseconds
 * @param reportThreshold     a record reported by this many distinct people (accounts or
 *                            confirmed addresses) is hidden from every public read until a
 *                            moderator decides
 * @param queueLimitMax       the largest page of the moderation queue
 */
@ConfigurationProperties("atlas.contribution")
public record ContributionProperties(
        @DefaultValue("2026-12") String charterVersion,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("48") int confirmHours,
        @DefaultValue("3") int minFillSeconds,
        @DefaultValue("15") int lockMinutes,
        @DefaultValue("7") int escalateAfterDays,
        @DefaultValue("3600000") long escalationPeriodMs,
        @DefaultValue("3") int reportThreshold,
        @DefaultValue("100") int queueLimitMax) {
}
