package org.atlascitoyen.mapservice.moderation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A contribution as a moderator reviews it: its fields beside the published record (for a new
 * record or a change), a report's reason and comment, and the lock. Never its author's address.
 *
 * @param author who proposed it: "anonyme (adresse confirmée)" or "compte n°..."
 */
public record ItemDetail(long id, String kind, String recordKind, Long recordId, String status, OffsetDateTime createdAt,
        int escalationLevel, String author, List<FieldDiff> diff, String reason, String comment, OffsetDateTime lockedUntil,
        boolean lockedByMe) {
}
