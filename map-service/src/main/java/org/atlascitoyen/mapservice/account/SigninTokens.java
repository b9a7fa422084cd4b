package org.atlascitoyen.mapservice.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.write.WriteDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

/**
 * The tokens of the sign-in links, in PostgreSQL so that any instance can take a link another
 * one sent. A token is 256 random bits (base64url, 43 characters); only its SHA-256 is stored, so
 * a copy of the table signs nobody in. A token works once: using it deletes its row.
 */
@Component
public class SigninTokens implements OneTimeTokenService {

    private static final String INSERT = SqlResource.load("sql/account/token-insert.sql");
    private static final String CONSUME = SqlResource.load("sql/account/token-consume.sql");
    private static final String EXPIRED = SqlResource.load("sql/account/token-expired.sql");

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountProperties properties;
    private final Clock clock;

    SigninTokens(@Qualifier(WriteDatabase.WRITE) JdbcClient jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** A new token for the address of {@code request} (its username), valid {@code atlas.signin-link-validity}. */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(properties.signinLinkValidity());
        jdbc.sql(EXPIRED).update();
        jdbc.sql(INSERT).param("hash", hash(token)).param("email", request.getUsername())
                .param("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)).update();
        return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
    }

    /** The token's address if it is known and unexpired, else null; either way it cannot be used again. */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        String token = authenticationToken.getTokenValue();
        if (token == null || token.length() > 100) {
            return null;
        }
        return jdbc.sql(CONSUME).param("hash", hash(token))
                .query((rs, i) -> new DefaultOneTimeToken(token, rs.getString("email"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(t -> t.getExpiresAt().isAfter(clock.instant()))
                .orElse(null);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
