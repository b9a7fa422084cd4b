package org.atlascitoyen.mapservice.follow;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A subscription as its owner sees it: what it follows, never the address it goes to.
 *
 * @param territory     {@code kind:code}
 * @param territoryName the territory's name
 * @param themes        theme codes (empty: every theme)
 * @param frequency     {@code weekly} or {@code monthly}
 * @param status        {@code unconfirmed} (waiting for its link) or {@code active}
 * @param lastSentAt    when the last digest left, null before the first
 */
public record Subscription(long id, String territory, String territoryName, List<String> themes, String frequency,
                           String status, OffsetDateTime confirmedAt, OffsetDateTime lastSentAt) {
}
