package org.atlascitoyen.mapservice.rights;

import org.atlascitoyen.mapservice.contribution.ProposedFields;

/**
 * What {@code POST /api/rights-requests} takes (read strictly: unknown members are refused).
 *
 * @param kind         {@code correct}, {@code erase} (my personal data, or the record) or {@code object}
 * @param recordKind   {@code actor}, {@code initiative} or {@code person}
 * @param recordId     the record concerned
 * @param corrections  for {@code correct}: the fields to correct with their new text (the shape of a
 *                     change contribution's fields)
 * @param message      what the person wants the moderators to know (at most 4,000 characters)
 * @param email        the requester's address (anonymous requesters): the verification link and the
 *                     outcome go there
 * @param sendToRecord send the verification link to the record's own private address instead
 *                     ("envoyer le lien à l'adresse de la fiche"); it is never shown
 * @param openedAt     when the form opened (ms): a form sent too fast is refused
 * @param url          the honeypot: leave empty
 */
public record RightsRequestBody(String kind, String recordKind, Long recordId, ProposedFields corrections, String message,
        String email, Boolean sendToRecord, Long openedAt, String url) {
}
