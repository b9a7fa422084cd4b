package org.atlascitoyen.mapservice.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's account: ask for a sign-in link, who am I, delete my account. Signing
 * in with the link's token ({@code POST /api/account/signin}) and out
 * ({@code POST /api/account/signout}) are Spring Security's filters (SecurityConfig).
 */
@RestController
public class AccountController {

    private final SigninTokens tokens;
    private final SigninMail mail;
    private final AccountRepository accounts;
    private final AccountProperties properties;
    private final RateLimits rateLimits;

    AccountController(SigninTokens tokens, SigninMail mail, AccountRepository accounts, AccountProperties properties,
                      RateLimits rateLimits) {
        this.tokens = tokens;
        this.mail = mail;
        this.accounts = accounts;
        this.properties = properties;
        this.rateLimits = rateLimits;
    }

    /**
     * Sends a sign-in link to an address, whether or not it has an account (the account is
     * created when the link is used): the answer, and the work done, are the same either way.
     * Limited per IP and per address ({@code signin-ip}, {@code signin-email}).
     */
    @PostMapping("/api/account/signin-link")
    ResponseEntity<SigninLinkAnswer> signinLink(@RequestBody SigninLinkRequest body, HttpServletRequest request) {
        String email = EmailAddress.parse(body == null ? null : body.email(), "email");
        rateLimits.check("signin-ip", request.getRemoteAddr());
        rateLimits.check("signin-email", email);
        OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest(email, properties.signinLinkValidity()));
        mail.send(email, token.getTokenValue(), properties.publicUrlOr(request.getLocalPort()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(SigninLinkAnswer.SENT);
    }

    /** Who I am: 401 when not signed in (SecurityConfig). */
    @GetMapping("/api/account")
    ResponseEntity<AccountView> me(@AuthenticationPrincipal SignedInAccount account) {
        SignedInAccount a = accounts.find(account.id()).orElseThrow();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AccountView(a.id(), displayName(a.id()), a.email(), a.admin(), a.coordinatorOf()));
    }

    /**
     * Deletes my account and signs me out everywhere. What I contributed stays, without an
     * author (V14's foreign keys set it to null).
     */
    @DeleteMapping("/api/account")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInAccount account, HttpServletRequest request)
            throws ServletException {
        accounts.delete(account.id());
        request.logout();
        return ResponseEntity.noContent().build();
    }

    /**
     * Sets the CSRF cookie ({@code XSRF-TOKEN}) that every state-changing request sends back in
     * its {@code X-XSRF-TOKEN} header; the pages call it before their first POST. Public reads
     * never set it.
     */
    @GetMapping("/api/csrf")
    ResponseEntity<Void> csrf(CsrfToken token) {
        token.getToken(); // loading the deferred token writes its cookie
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    private String displayName(long id) {
        return accounts.displayName(id).orElse(null);
    }
}
