package org.atlascitoyen.mapservice.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An event proposed by a signed-in person ({@code POST /api/events}), read strictly (unknown
 * members refused). Times are ISO 8601 with an offset ({@code 2027-03-18T20:00:00+01:00}) or
 * local ({@code 2027-03-18T20:00}, read in Europe/Paris); an all-day event may give dates only.
 * The place is a point ({@code lon}, {@code lat}) or a commune's INSEE code; an online event with
 * neither is placed at its first organiser's commune.
 */
public record EventRequest(
        @Schema(description = "Title", example = "Café citoyen") String name,
        @Schema(description = "Event type code (rencontre, formation, atelier, conference, festival, reunion_publique, autre)")
        String eventType,
        @Schema(description = "Theme codes") List<String> themes,
        String description,
        @Schema(description = "Start: ISO date-time with offset, or local (Europe/Paris); a date when allDay",
                example = "2027-03-18T20:00") String startsAt,
        @Schema(description = "End (same forms); default: two hours after the start, or the end of the day when allDay")
        String endsAt,
        Boolean allDay,
        Double lon,
        Double lat,
        @Schema(description = "INSEE code of the commune, when no point is given", example = "31555") String commune,
        @Schema(description = "Visio or streaming link (http or https)") String onlineUrl,
        @Schema(description = "Name of the place: « Salle des fêtes »") String placeName,
        String address,
        String website,
        @Schema(description = "Ids of the organising actors") List<Long> organisers) {
}
