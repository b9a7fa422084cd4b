package org.atlascitoyen.mapservice.moderation;

import java.util.List;

/** A page of a moderation queue, oldest first; {@code next} is the cursor of the next page, or null. */
public record QueuePage(List<QueueItem> items, Long next) {
}
