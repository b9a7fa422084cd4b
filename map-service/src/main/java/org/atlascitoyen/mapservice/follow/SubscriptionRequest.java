package org.atlascitoyen.mapservice.follow;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What {@code POST /api/subscriptions} takes.
 *
 * @param territory      {@code kind:code} of a commune, EPCI, PETR, bassin de vie, département or région
 * @param themes         theme codes (none: every theme)
 * @param frequency      {@code weekly} or {@code monthly}
 * @param email          the address when not signed in (signed in: the account's own address is used)
 * @param consent        must be true: the person ticked the consent wording
 * @param consentVersion the version of the wording the page showed ({@code GET /api/subscriptions/consent})
 * @param url            the honeypot: leave empty
 * @param openedAt       when the form opened (ms since the epoch), for the minimum fill time
 */
public record SubscriptionRequest(
        @Schema(example = "petr:200067932") String territory,
        List<String> themes,
        @Schema(allowableValues = {"weekly", "monthly"}) String frequency,
        String email,
        Boolean consent,
        String consentVersion,
        String url,
        Long openedAt) {
}
