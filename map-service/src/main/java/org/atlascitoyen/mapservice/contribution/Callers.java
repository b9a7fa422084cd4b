package org.atlascitoyen.mapservice.contribution;

import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls the write endpoints, as the contribution and moderation sides see them, and their
 * rate limits: the one place that depends on the accounts side (sign-in, roles, RateLimits).
 */
@Component
public class Callers {

    /** The author of a contribution: the signed-in account, else an anonymous person with this address. */
    public Author author(HttpServletRequest request, String email) {
        return Author.anonymous(email);
    }

    /** The signed-in moderator; 401 when nobody is signed in. */
    public Moderator moderator(HttpServletRequest request) {
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in");
    }

    /** The signed-in account's id; 401 when nobody is signed in. */
    public long accountId(HttpServletRequest request) {
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in");
    }

    /** Counts a write against the caller's limits (per account, and per address of the client). */
    public void limit(HttpServletRequest request, Author author, String limit) {
        // Filled by the accounts side's RateLimits once merged.
    }
}
