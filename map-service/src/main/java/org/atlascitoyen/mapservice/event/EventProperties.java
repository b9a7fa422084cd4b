package org.atlascitoyen.mapservice.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the events' calendar feeds ({@code atlas.events.*}); the README lists them with
 * their environment variables ({@code ATLAS_EVENTS_...}).
 *
 * @param uidHost      the host part of the UID of an event that has none of its own
 *                     ({@code event-<id>@<uidHost>}): keep it stable, calendars key events by UID
 * @param feedMax      the most events one feed holds (the first ones by start)
 * @param feedPastDays a feed without {@code from} starts this many days ago
 * @param maxAgeSeconds how long a client or cache may keep a feed (Cache-Control max-age)
 * @param maxBodyBytes the largest body of {@code POST /api/events}, in bytes
 */
@ConfigurationProperties("atlas.events")
public record EventProperties(
        @DefaultValue("atlas-citoyen.local") String uidHost,
        @DefaultValue("2000") int feedMax,
        @DefaultValue("30") int feedPastDays,
        @DefaultValue("900") int maxAgeSeconds,
        @DefaultValue("16384") int maxBodyBytes) {
}
