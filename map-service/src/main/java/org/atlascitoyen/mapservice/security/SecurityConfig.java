package org.atlascitoyen.mapservice.security;

import java.util.Map;
import org.atlascitoyen.mapservice.account.AccountAuthenticationProvider;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.account.AccountRepository;
import org.atlascitoyen.mapservice.account.SigninTokens;
import org.atlascitoyen.mapservice.webapp.BasemapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Every public read (GET and HEAD of the API, tiles, OGC, health, pages, API
 * docs) stays open and anonymous, and reads no session and sets no cookie: a request that never
 * asks who is signed in costs what it cost before. Signing in is by a one-time link sent by mail
 * (Spring Security's one-time-token login, tokens in {@link SigninTokens}); sessions live in
 * PostgreSQL (Spring Session JDBC), so several instances share them.
 *
 * <ul>
 * <li>{@code POST /api/account/signin-link} (AccountController) mails a link; the link's page
 *     posts its token to {@code POST /api/account/signin}; {@code POST /api/account/signout}.</li>
 * <li>CSRF on every state-changing request: the cookie {@code XSRF-TOKEN} (readable by the
 *     pages' scripts, set by {@code GET /api/csrf}) comes back in the header
 *     {@code X-XSRF-TOKEN}; without it, 403.</li>
 * <li>{@code /api/admin/**}: admins; {@code /api/moderation/**}, {@code GET|DELETE /api/account},
 *     {@code /api/contributions/mine}: signed in (the moderation API checks the territory
 *     itself). Refusals are problem details: 401 not signed in, 403 without the role.</li>
 * <li>Cross-origin: public reads only, without credentials ({@link PublicCors}).</li>
 * <li>Headers: {@link SecurityHeaders} (CSP, framing), {@code X-Content-Type-Options: nosniff},
 *     {@code Referrer-Policy: strict-origin-when-cross-origin} (the tile servers' usage policies
 *     ask for the site's origin). Cache headers are left to each endpoint: tiles and territories
 *     set their own, the account's answers {@code no-store}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    static final String SIGNIN_LINK = "/api/account/signin-link";
    static final String SIGNIN = "/api/account/signin";
    static final String SIGNOUT = "/api/account/signout";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountRepository accounts, SigninTokens tokens,
                                            AccountAuthenticationProvider provider, BasemapProperties basemap) {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        http.cors(cors -> cors.configurationSource(new PublicCors()))
                .securityContext(context -> context.securityContextRepository(new FreshAccountContextRepository(accounts)))
                // A refused request is not saved in a session to replay after sign-in: that would
                // create a session (and a cookie) for every anonymous 401.
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The plain handler: the header carries the cookie's value as it is, which
                        // framework-free scripts can send.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // RFC 8058 one-click unsubscribe: a mail client posts with no cookie and no
                        // token; the 256-bit token of the path is the authority (SubscriptionController).
                        .ignoringRequestMatchers("/api/subscriptions/unsubscribe/*"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.denied()))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new SecurityHeaders(basemap)))
                .oneTimeTokenLogin(ott -> ott
                        .tokenService(tokens)
                        .authenticationProvider(provider)
                        // Links are requested through AccountController (rate limits, the same
                        // answer for every address); the framework's own generation filter is
                        // given no request to act on, so it lets every request through.
                        .tokenGeneratingUrl(SIGNIN_LINK)
                        .generateRequestResolver(request -> null)
                        .tokenGenerationSuccessHandler((request, response, token) -> {
                            throw new IllegalStateException("sign-in links are sent by AccountController");
                        })
                        .loginProcessingUrl(SIGNIN)
                        .loginPage("/connexion.html")
                        .showDefaultSubmitPage(false)
                        .successHandler((request, response, authentication) -> {
                            response.setStatus(HttpStatus.OK.value());
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.setHeader("Cache-Control", "no-store");
                            response.getWriter().write(JsonMapper.shared().writeValueAsString(Map.of("signedIn", true)));
                        })
                        .failureHandler(ProblemResponses.signinFailed()))
                .logout(logout -> logout.logoutUrl(SIGNOUT)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/moderation/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/account").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/account").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/account/data").authenticated()
                        .requestMatchers("/api/contributions/mine").authenticated()
                        .requestMatchers("/api/persons/me", "/api/persons/me/**").authenticated()
                        .requestMatchers("/api/needs-offers/mine", "/api/needs-offers/*/close").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /** Paths the firewall refuses are 400 problems naming {@code path}, not Spring Boot's error JSON. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    /** Sessions last {@code atlas.session-idle-timeout} without a request. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionIdleTimeout(AccountProperties properties) {
        return repository -> repository.setDefaultMaxInactiveInterval(properties.sessionIdleTimeout());
    }
}
