package org.atlascitoyen.mapservice.contribution;

import java.time.OffsetDateTime;

/**
 * One of "Mes contributions": what it was about and where it stands, with the moderator's reason
 * when it was rejected.
 */
public record MyContribution(long id, String kind, String recordKind, Long recordId, String name, String status,
        OffsetDateTime createdAt, OffsetDateTime decidedAt, String reason) {
}
