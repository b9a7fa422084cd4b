package org.atlascitoyen.mapservice.moderation;

import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * A moderator's decision on an item.
 *
 * @param decision approve, or reject (a report: approve removes the record, reject dismisses the
 *                 reports and publishes it again if it was hidden)
 * @param fields   "approve with changes": the moderator's values, in place of the proposed ones
 * @param reason   why; required to reject (it is mailed to the author)
 */
public record Decision(String decision, ProposedFields fields, String reason) {
}
