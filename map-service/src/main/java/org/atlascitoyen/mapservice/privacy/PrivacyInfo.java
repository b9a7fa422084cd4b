package org.atlascitoyen.mapservice.privacy;

import java.util.List;

/**
 * What {@code GET /api/privacy} serves: the settings the "Données personnelles" page states, read
 * from the properties beans at each request, so that the page cannot drift from what the service
 * does. Each duration and limit comes as a number and as French text.
 *
 * @param contact    who to ask ({@code ATLAS_PRIVACY_CONTACT})
 * @param durations  how long each kind of data is kept
 * @param limits     the rate limits of the write side and the relay
 */
public record PrivacyInfo(String contact, List<Duration> durations, List<RateLimit> limits) {

    /**
     * A retention period or validity.
     *
     * @param key     its stable name ({@code account-inactive}, {@code relay-text}...)
     * @param setting the environment variable that sets it
     * @param seconds its length in seconds
     * @param text    its length in French ("24 mois", "30 jours")
     */
    public record Duration(String key, String setting, long seconds, String text) {
    }

    /**
     * A rate limit.
     *
     * @param key      its stable name ({@code contact-pair}...)
     * @param setting  the environment variable that sets it
     * @param capacity how many
     * @param seconds  per how long
     * @param text     in French ("2 par 30 jours")
     */
    public record RateLimit(String key, String setting, long capacity, long seconds, String text) {
    }
}
