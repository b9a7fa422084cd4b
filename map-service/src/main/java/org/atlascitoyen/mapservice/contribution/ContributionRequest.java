package org.atlascitoyen.mapservice.contribution;

/**
 * The body of {@code POST /api/contributions}. Unknown members are refused (400), as are values of
 * the wrong JSON type.
 *
 * @param kind           new, change, claim or report
 * @param recordKind     actor or initiative
 * @param recordId       the record concerned (change, claim, report)
 * @param fields         the proposed fields (new: the record; change: the changed fields)
 * @param reason         of a report: wrong, closed, spam or offensive
 * @param comment        of a report or a claim, free text
 * @param charterVersion the version of the charter the author accepted (required, the current one)
 * @param email          an anonymous author's address, for the confirmation link (ignored when signed in)
 * @param url            the honeypot: a field the form hides from people; a script fills it
 * @param openedAt       when the form was opened (milliseconds since 1970): an anonymous form sent
 *                       faster than a person can fill it is refused
 */
public record ContributionRequest(
        String kind,
        String recordKind,
        Long recordId,
        ProposedFields fields,
        String reason,
        String comment,
        String charterVersion,
        String email,
        String url,
        Long openedAt) {
}
