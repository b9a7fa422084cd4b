package org.atlascitoyen.mapservice.contact;

/**
 * The answer to a message: {@code unconfirmed} (a link went to the sender's address to confirm it)
 * or {@code sent}. It never says anything of the recipient's address.
 */
public record ContactAccepted(String status) {
}
