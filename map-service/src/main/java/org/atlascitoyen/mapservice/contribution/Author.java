package org.atlascitoyen.mapservice.contribution;

/**
 * Who sends a contribution: a signed-in account ({@code accountId} set), or an anonymous person
 * who gave an address to confirm it ({@code accountId} null).
 */
public record Author(Long accountId, String email) {

    public static Author anonymous(String email) {
        return new Author(null, email);
    }

    public boolean signedIn() {
        return accountId != null;
    }
}
