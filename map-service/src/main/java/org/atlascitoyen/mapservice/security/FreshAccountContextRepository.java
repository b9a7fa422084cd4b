package org.atlascitoyen.mapservice.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.atlascitoyen.mapservice.account.AccountAuthenticationProvider;
import org.atlascitoyen.mapservice.account.AccountRepository;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The session's security context with the account read again from the database: its roles as
 * they are now (a role granted or revoked applies at the next request), and no one signed in
 * once the account is deleted. Lazy, as Spring Security's own: a request that never asks who is
 * signed in (every public read) reads neither the session nor the account.
 */
final class FreshAccountContextRepository implements SecurityContextRepository {

    private final SecurityContextRepository delegate = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final AccountRepository accounts;

    FreshAccountContextRepository(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = delegate.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext fresh;

            @Override
            public SecurityContext get() {
                if (fresh == null) {
                    fresh = refresh(stored);
                }
                return fresh;
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated();
            }
        };
    }

    private SecurityContext refresh(Supplier<SecurityContext> stored) {
        SecurityContext context = stored.get();
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return context;
        }
        SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
        accounts.find(account.id()).ifPresent(now -> refreshed.setAuthentication(AccountAuthenticationProvider.authenticated(now)));
        return refreshed;
    }

    /** Spring Security 5's eager load, kept for the interface; the filters use {@link #loadDeferredContext}. */
    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        delegate.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return delegate.containsContext(request);
    }
}
