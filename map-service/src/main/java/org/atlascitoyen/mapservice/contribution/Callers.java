package org.atlascitoyen.mapservice.contribution;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.atlascitoyen.mapservice.account.CurrentAccount;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls the write endpoints, as the contribution and moderation sides see them, and their
 * rate limits: the one place that depends on the accounts side ({@link CurrentAccount},
 * {@link RateLimits}).
 */
@Component
public class Callers {

    private final CurrentAccount current;
    private final RateLimits rateLimits;

    Callers(CurrentAccount current, RateLimits rateLimits) {
        this.current = current;
        this.rateLimits = rateLimits;
    }

    /** The author of a contribution: the signed-in account, else an anonymous person with this address. */
    public Author author(HttpServletRequest request, String email) {
        Optional<SignedInAccount> account = current.current();
        return account.map(a -> new Author(a.id(), a.email())).orElseGet(() -> Author.anonymous(email));
    }

    /** The signed-in moderator (who may still moderate nothing: the service answers 403); 401 when nobody is signed in. */
    public Moderator moderator(HttpServletRequest request) {
        SignedInAccount account = signedIn();
        return new Moderator(account.id(), account.admin(),
                account.coordinatorOf().stream().map(role -> new Moderator.Territory(role.kind(), role.code())).toList());
    }

    /** The signed-in account's id; 401 when nobody is signed in. */
    public long accountId(HttpServletRequest request) {
        return signedIn().id();
    }

    /**
     * Counts a write against the limits (429 with Retry-After beyond): per client address, and per
     * account when signed in. Reports have a client-address limit of their own.
     */
    public void limit(HttpServletRequest request, Author author, boolean report) {
        rateLimits.check(report ? "report-ip" : "contribution-ip", request.getRemoteAddr());
        if (author != null && author.signedIn()) {
            rateLimits.check("contribution-account", String.valueOf(author.accountId()));
        }
    }

    private SignedInAccount signedIn() {
        return current.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
    }
}
