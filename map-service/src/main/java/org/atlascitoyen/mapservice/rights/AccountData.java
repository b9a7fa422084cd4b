package org.atlascitoyen.mapservice.rights;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Everything the atlas holds about the signed-in person ({@code GET /api/account/data}), their
 * own private values included: the account, its roles, the contributions they authored (with what
 * they proposed), the records they own, their resource-person listing (public, members' and
 * private values, consents), the rights requests they made, the messages they sent through the
 * contact relay (while kept), the audit of their own actions, the territories they follow (with
 * the consent given for each) and the needs and offers they posted.
 * Values held as JSON in the database (a proposal, a listing) are given as they are stored.
 */
public record AccountData(OffsetDateTime exportedAt, Account account, List<Role> roles, List<Contribution> contributions,
        List<Owned> ownedRecords, List<ResourcePerson> resourcePersons, List<RightsRequest> rightsRequests,
        List<RelayMessage> relayMessages, List<AuditEntry> auditEntries, List<Subscription> subscriptions,
        List<Announcement> announcements) {

    public record Account(long id, String email, String displayName, OffsetDateTime createdAt, OffsetDateTime lastSeenAt) {
    }

    public record Role(String role, String territoryKind, String territoryCode, OffsetDateTime grantedAt) {
    }

    public record Contribution(long id, String kind, String recordKind, Long recordId, JsonNode payload, String status,
            OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime decidedAt, String decisionReason) {
    }

    public record Owned(String recordKind, long recordId, OffsetDateTime since) {
    }

    public record ResourcePerson(long personId, JsonNode listing, JsonNode memberValues, JsonNode privateValues, JsonNode consents,
            JsonNode perimeter) {
    }

    public record RightsRequest(long id, String kind, String recordKind, long recordId, JsonNode corrections, String message,
            String status, OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime dueAt, OffsetDateTime handledAt,
            String outcome, String answer) {
    }

    public record RelayMessage(long id, String recordKind, long recordId, String status, String senderName, String message,
            OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime erasedAt) {
    }

    public record Subscription(long id, String territoryKind, String territoryCode, List<String> themes, String frequency,
            String status, boolean byAddress, OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime lastSentAt,
            JsonNode consents) {
    }

    public record Announcement(long id, JsonNode announcement, String relayEmail) {
    }

    public record AuditEntry(OffsetDateTime at, String action, String recordKind, Long recordId, Long contributionId, String reason,
            JsonNode details) {
    }
}
