package org.atlascitoyen.mapservice.needoffer;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of needs and offers ({@code atlas.need-offer.*}; environment {@code ATLAS_NEED_OFFER_...}).
 *
 * @param maxBodyBytes       the largest body of {@code POST /api/needs-offers}, in bytes (above: 413)
 * @param perimeterMax       the most territories in an announcement's perimeter
 * @param defaultValidity    how long an announcement stays without a {@code validUntil}
 * @param maxValidity        the furthest {@code validUntil} may be from today
 * @param purgeAfterDays     an announcement ended (expired or closed) this many days ago is deleted
 *                           for good; before, it leaves the map at once and only its author sees it
 * @param expiryPeriod       how often the expiry job runs
 * @param matchesLimit       the default number of "who could answer" proposals
 * @param matchesLimitMax    the most of them one request may ask for
 */
@ConfigurationProperties("atlas.need-offer")
public record NeedOfferProperties(
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("20") int perimeterMax,
        @DefaultValue("P3M") Period defaultValidity,
        @DefaultValue("P1Y") Period maxValidity,
        @DefaultValue("90") int purgeAfterDays,
        @DefaultValue("PT1H") Duration expiryPeriod,
        @DefaultValue("20") int matchesLimit,
        @DefaultValue("50") int matchesLimitMax) {
}
