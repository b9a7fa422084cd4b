package org.atlascitoyen.mapservice.rights;

import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * A moderator's decision on a rights request.
 *
 * @param decision {@code correct} (publish the corrections, or the moderator's {@code fields}
 *                 instead), {@code erase} (remove the personal data; the record itself when it is
 *                 only a person; {@code fields} may also clear texts that name the person) or
 *                 {@code refuse} (with a {@code reason}, mailed to the requester)
 */
public record RightsDecision(String decision, ProposedFields fields, String reason) {
}
