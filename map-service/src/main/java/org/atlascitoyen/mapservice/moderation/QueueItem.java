package org.atlascitoyen.mapservice.moderation;

import java.time.OffsetDateTime;

/**
 * An item of a moderation queue.
 *
 * @param name            the proposed name, or the record's
 * @param escalationLevel 0 in the local queues; 1 and 2 after escalations
 * @param locked          whether a moderator holds it now
 * @param lockedByMe      whether the asking moderator does
 */
public record QueueItem(long id, String kind, String recordKind, Long recordId, String name, String commune,
        OffsetDateTime createdAt, int escalationLevel, boolean locked, boolean lockedByMe) {
}
