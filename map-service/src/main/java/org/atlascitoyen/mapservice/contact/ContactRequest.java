package org.atlascitoyen.mapservice.contact;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code POST /api/contact} takes.
 *
 * @param recordKind  {@code actor}, {@code person} or {@code need_offer} (an announcement's author; initiatives are
 *                    reached through their carrying actors)
 * @param recordId    the record to write to
 * @param senderName  the sender's name, as the recipient will read it
 * @param senderEmail the sender's address when not signed in (signed in: the account's address is used)
 * @param message     the text, at most {@code atlas.contact.max-message-chars} characters
 * @param url         the honeypot: leave empty
 * @param openedAt    when the form opened (ms since the epoch), for the minimum fill time
 */
public record ContactRequest(
        @Schema(allowableValues = {"actor", "person", "need_offer"}) String recordKind,
        Long recordId,
        String senderName,
        String senderEmail,
        String message,
        String url,
        Long openedAt) {
}
