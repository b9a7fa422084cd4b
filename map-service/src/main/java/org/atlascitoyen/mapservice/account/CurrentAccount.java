package org.atlascitoyen.mapservice.account;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The account signed in for the current request, for code that is not a controller method (a
 * controller can take {@code @AuthenticationPrincipal SignedInAccount}). Its roles are fresh:
 * read from {@code account_role} at the first call of the request.
 */
@Component
public class CurrentAccount {

    /** The signed-in account; empty when the request is anonymous. */
    public Optional<SignedInAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                ? Optional.of(account) : Optional.empty();
    }
}
