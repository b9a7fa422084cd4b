package org.atlascitoyen.mapservice.event;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as a calendar feed writes it: public columns only.
 *
 * @param externalId the provenance id of an imported occurrence ({@code UID#START}), else null
 * @param categories the event type's label, then the themes' labels
 */
record FeedEvent(long id, String uid, String externalId, String name, String description, OffsetDateTime startsAt,
                 OffsetDateTime endsAt, boolean allDay, boolean cancelled, String placeName, String address,
                 String postcode, String communeName, String onlineUrl, String website, OffsetDateTime updatedAt,
                 double lon, double lat, List<String> categories) {
}
