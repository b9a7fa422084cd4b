package org.atlascitoyen.mapservice.follow;

import java.time.Duration;
import java.time.ZoneId;
import org.atlascitoyen.mapservice.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of "Suivre un territoire" ({@code atlas.follow.*}, e.g. {@code ATLAS_FOLLOW_WEEKLY_CRON});
 * the README lists them. Rate limits are {@code CAPACITY/PERIOD} token buckets ({@link Limit}).
 *
 * @param consentVersion  the version of the consent wording the page shows; a subscription must
 *                        name it (another version: 400, the page is out of date)
 * @param consentWording  the consent wording itself, stored with each consent as it was shown
 * @param maxBodyBytes    the largest body of {@code POST /api/subscriptions}
 * @param minFillSeconds  an anonymous form sent sooner than this after it opened is refused (400)
 * @param confirmHours    how long the double opt-in link of an anonymous subscription works
 * @param themesMax       the most themes one subscription may name
 * @param perAccountMax   the most subscriptions one account (or one address) may hold
 * @param ipLimit         subscriptions and token posts from one IP address
 * @param addressLimit    confirmation mails to one address (so that the form cannot flood someone)
 * @param weeklyCron      when the weekly digests leave (Spring cron, in {@code zone}): Monday 7:00
 * @param monthlyCron     when the monthly digests leave: the 1st at 7:00
 * @param zone            the time zone of the two crons
 * @param digestItemsMax  the most records a digest lists per kind (the mail then says "et N autres")
 * @param feedEntries     how many entries the Atom feed of a territory holds, newest first
 * @param feedMaxAgeSeconds how long a cache may keep a feed
 * @param expirePeriod    how often anonymous subscriptions whose link expired unused are deleted
 */
@ConfigurationProperties("atlas.follow")
public record FollowProperties(
        @DefaultValue("2026-12") String consentVersion,
        @DefaultValue(FollowProperties.WORDING) String consentWording,
        @DefaultValue("4096") int maxBodyBytes,
        @DefaultValue("3") int minFillSeconds,
        @DefaultValue("48") int confirmHours,
        @DefaultValue("20") int themesMax,
        @DefaultValue("20") int perAccountMax,
        @DefaultValue("20/PT1H") Limit ipLimit,
        @DefaultValue("3/P1D") Limit addressLimit,
        @DefaultValue("0 0 7 * * MON") String weeklyCron,
        @DefaultValue("0 0 7 1 * *") String monthlyCron,
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("15") int digestItemsMax,
        @DefaultValue("50") int feedEntries,
        @DefaultValue("300") int feedMaxAgeSeconds,
        @DefaultValue("PT1H") Duration expirePeriod) {

    /** The default wording, version 2026-12. */
    public static final String WORDING = "J'accepte de recevoir par e-mail, à la fréquence choisie, les nouveautés "
            + "d'Atlas Citoyen sur ce territoire et ces thèmes. Mon adresse sert à ce seul envoi : elle n'est ni affichée "
            + "ni transmise. Chaque envoi contient un lien de désabonnement en un clic.";
}
