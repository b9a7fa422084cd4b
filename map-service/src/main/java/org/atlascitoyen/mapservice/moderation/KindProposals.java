package org.atlascitoyen.mapservice.moderation;

import java.util.List;
import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * The proposals of a kind that has its own form and publisher (resource persons; needs and
 * offers, events and experiences): they wait in the same queue as the other contributions, and the
 * console shows and approves them through this. A Spring bean per kind; {@link ModerationService}
 * finds it by the contribution's {@code record_kind}.
 */
public interface KindProposals {

    /** The {@code contribution.record_kind} of its proposals ({@code RecordKind.table()}). */
    String recordKind();

    /** The fields a proposal shows to the moderator, as a diff against nothing (a new record). */
    List<FieldDiff> diff(String payload);

    /**
     * Publishes an approved proposal, with the moderator's values in place of the proposed ones
     * where given, in the caller's transaction; the new record's id.
     */
    long approve(String payload, ProposedFields edits, Long authorAccountId, long contributionId);
}
