package org.atlascitoyen.mapservice.contact;

import org.atlascitoyen.mapservice.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contact relay's limits ({@code atlas.contact.*}, e.g. {@code ATLAS_CONTACT_PAIR_LIMIT=2/P30D});
 * the README lists them, and {@code GET /api/privacy} serves them to the "Données personnelles" page.
 * Rate limits are {@code CAPACITY/PERIOD} token buckets ({@link Limit}), kept in PostgreSQL.
 *
 * @param maxMessageChars the longest message, in characters
 * @param maxBodyBytes    the largest body of {@code POST /api/contact} (above: 413)
 * @param minFillSeconds  an anonymous form sent sooner than this after it opened is refused (400)
 * @param confirmHours    how long the link that an anonymous sender confirms their address with works
 * @param optOutDays      how long the "ne plus recevoir de messages" link of a relayed mail works
 * @param pairLimit       messages from one sender (address) to one recipient (record)
 * @param senderLimit     messages from one sender, to anyone
 * @param recipientLimit  messages to one recipient, from anyone
 * @param ipLimit         messages sent from one IP address
 */
@ConfigurationProperties("atlas.contact")
public record ContactProperties(
        @DefaultValue("5000") int maxMessageChars,
        @DefaultValue("32768") int maxBodyBytes,
        @DefaultValue("3") int minFillSeconds,
        @DefaultValue("48") int confirmHours,
        @DefaultValue("365") int optOutDays,
        @DefaultValue("2/P30D") Limit pairLimit,
        @DefaultValue("10/P1D") Limit senderLimit,
        @DefaultValue("10/P1D") Limit recipientLimit,
        @DefaultValue("20/PT1H") Limit ipLimit) {
}
