package org.atlascitoyen.mapservice.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the atlas keeps personal data ({@code atlas.retention.*}, e.g.
 * {@code ATLAS_RETENTION_ACCOUNT_INACTIVE_MONTHS=24}); the README lists them and the "Données
 * personnelles" page ({@code GET /api/privacy}) states them as they are set.
 *
 * @param enabled                 this instance runs the retention job (one turn at a time across
 *                                instances, by an advisory lock)
 * @param period                  how often the job runs
 * @param initialDelay            wait after start-up before its first turn
 * @param accountInactiveMonths   an account not signed in for this many months (since its creation
 *                                if never) gets a first warning mail
 * @param secondWarningAfterDays  the second warning goes this many days after the first
 * @param deleteAfterDays         the account is deleted this many days after the second warning
 *                                (its contributions stay, without an author)
 * @param unconfirmedDays         anonymous contributions and relay messages whose author never
 *                                confirmed the address are deleted after this many days
 * @param relayTextDays           a relay message's text, the sender's name and address are erased
 *                                after this many days; the count of messages stays
 * @param batch                   at most this many accounts warned or deleted per turn and step
 */
@ConfigurationProperties("atlas.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1H") Duration period,
        @DefaultValue("PT5M") Duration initialDelay,
        @DefaultValue("24") int accountInactiveMonths,
        @DefaultValue("30") int secondWarningAfterDays,
        @DefaultValue("30") int deleteAfterDays,
        @DefaultValue("7") int unconfirmedDays,
        @DefaultValue("30") int relayTextDays,
        @DefaultValue("500") int batch) {
}
