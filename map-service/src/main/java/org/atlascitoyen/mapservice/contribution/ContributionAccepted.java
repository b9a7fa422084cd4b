package org.atlascitoyen.mapservice.contribution;

/**
 * The answer to a contribution (202): its id and where it stands: {@code unconfirmed} (waiting for
 * the link of the mail), {@code pending} (in the moderation queue) or {@code approved} (an owner's
 * change, published at once).
 */
public record ContributionAccepted(long id, String status) {
}
