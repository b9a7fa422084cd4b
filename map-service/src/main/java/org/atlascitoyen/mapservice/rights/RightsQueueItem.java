package org.atlascitoyen.mapservice.rights;

import java.time.OffsetDateTime;
import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * An open rights request as a moderator sees it, with its clock. No address of the requester.
 *
 * @param recordName  the record's name when the request was made
 * @param corrections what a correction request asks for (null otherwise)
 * @param verifiedBy  who verified it: {@code requester} (a link to their address), {@code record}
 *                    (a link to the record's own address) or {@code owner} (the record's
 *                    signed-in owner)
 * @param daysLeft    whole days until the due date (negative: whole days overdue)
 * @param overdue     past its due date
 * @param escalated   when the admins were mailed about it (null: not yet)
 */
public record RightsQueueItem(long id, String kind, String recordKind, long recordId, String recordName,
        ProposedFields corrections, String message, String verifiedBy, OffsetDateTime createdAt, OffsetDateTime confirmedAt,
        OffsetDateTime dueAt, long daysLeft, boolean overdue, OffsetDateTime escalated) {
}
