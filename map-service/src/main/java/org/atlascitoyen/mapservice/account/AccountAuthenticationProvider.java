package org.atlascitoyen.mapservice.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs in with a sign-in link's token: spends it ({@link SigninTokens}), creates the account of
 * its address on its first use, and gives the account with its roles as the principal.
 */
@Component
public class AccountAuthenticationProvider implements AuthenticationProvider {

    private final SigninTokens tokens;
    private final AccountRepository accounts;

    AccountAuthenticationProvider(SigninTokens tokens, AccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OneTimeToken token = tokens.consume((OneTimeTokenAuthenticationToken) authentication);
        if (token == null) {
            throw new InvalidOneTimeTokenException("Invalid, used or expired sign-in token");
        }
        return authenticated(accounts.signIn(token.getUsername()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The authentication of an account as it is now: ROLE_USER, and ROLE_ADMIN, ROLE_COORDINATOR when it holds them. */
    public static Authentication authenticated(SignedInAccount account) {
        return new OneTimeTokenAuthentication(account, authorities(account));
    }

    static Collection<GrantedAuthority> authorities(SignedInAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (account.coordinator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COORDINATOR"));
        }
        return authorities;
    }
}
