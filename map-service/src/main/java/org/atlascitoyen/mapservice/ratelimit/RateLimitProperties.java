package org.atlascitoyen.mapservice.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits of the write side, by name ({@code atlas.rate-limit.*}, e.g.
 * {@code ATLAS_RATE_LIMIT_SIGNIN_IP=10/PT1H}), each {@code CAPACITY/PERIOD} ({@link Limit}).
 * Their buckets live in PostgreSQL, so a limit holds across all the service's instances.
 *
 * @param signinIp            sign-in link requests from one IP address
 * @param signinEmail         sign-in links sent to one address (a mailbox is not flooded)
 * @param contributionIp      proposals sent from one IP address
 * @param contributionAccount proposals sent by one account
 * @param reportIp            reports ("signaler") sent from one IP address
 * @param rightsIp            rights requests ("corriger ou retirer") sent from one IP address
 * @param rightsEmail         rights requests' verification links mailed to one address
 */
@ConfigurationProperties("atlas.rate-limit")
public record RateLimitProperties(
        @DefaultValue("10/PT1H") Limit signinIp,
        @DefaultValue("3/PT1H") Limit signinEmail,
        @DefaultValue("20/PT1H") Limit contributionIp,
        @DefaultValue("30/PT1H") Limit contributionAccount,
        @DefaultValue("10/PT1H") Limit reportIp,
        @DefaultValue("10/PT1H") Limit rightsIp,
        @DefaultValue("3/PT1H") Limit rightsEmail) {

    /** The limit of a name ({@code signin-ip}...). */
    public Limit byName(String name) {
        return switch (name) {
            case "signin-ip" -> signinIp;
            case "signin-email" -> signinEmail;
            case "contribution-ip" -> contributionIp;
            case "contribution-account" -> contributionAccount;
            case "report-ip" -> reportIp;
            case "rights-ip" -> rightsIp;
            case "rights-email" -> rightsEmail;
            default -> throw new IllegalArgumentException("no rate limit named '" + name + "'");
        };
    }
}
