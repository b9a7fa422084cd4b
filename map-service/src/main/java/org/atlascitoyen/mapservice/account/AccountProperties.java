package org.atlascitoyen.mapservice.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and sessions ({@code atlas.*}, set like {@link org.atlascitoyen.mapservice.system.AtlasProperties}:
 * {@code ATLAS_PUBLIC_URL}...). The admins' addresses are {@code ATLAS_ADMIN_EMAILS}
 * ({@link org.atlascitoyen.mapservice.mail.AdminProperties}).
 *
 * @param publicUrl          the address people reach the service at ({@code https://atlas.example.org}),
 *                           the start of the links in mails; empty: {@code http://localhost:PORT}.
 *                           Never taken from the request's Host header, which a sender of a link
 *                           request chooses
 * @param signinLinkValidity how long a sign-in link works after it is sent
 * @param sessionIdleTimeout how long a signed-in session lasts without a request
 */
@ConfigurationProperties("atlas")
public record AccountProperties(
        @DefaultValue("") String publicUrl,
        @DefaultValue("PT15M") Duration signinLinkValidity,
        @DefaultValue("P7D") Duration sessionIdleTimeout) {

    /** The public address without a trailing slash; {@code http://localhost:PORT} when none is set. */
    public String publicUrlOr(int localPort) {
        String url = publicUrl.strip();
        return url.isEmpty() ? "http://localhost:" + localPort : url.replaceAll("/+$", "");
    }
}
