package org.atlascitoyen.mapservice.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.atlascitoyen.mapservice.webapp.BasemapProperties;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy and framing headers of every response.
 *
 * <p>The policy allows scripts, styles, images and requests from the service itself only (the map
 * page has no inline script; Leaflet and every module are served by the service), images from the
 * basemap's tile server too ({@code ATLAS_BASEMAP_URL}), and inline styles: the markers are
 * {@code <span style="background:...">} that the map builds, and Leaflet positions by style.
 *
 * <p>Framing: partner sites embed {@code /embed} in an {@code <iframe>} (README, "Embedding"), so
 * that page may be framed by any site; every other page only by the service itself
 * ({@code frame-ancestors 'self'} and {@code X-Frame-Options: SAMEORIGIN}), which keeps the
 * sign-in and account pages out of other sites' frames (clickjacking).
 */
final class SecurityHeaders implements HeaderWriter {

    static final String EMBED_PATH = "/embed";

    private final String policy;

    SecurityHeaders(BasemapProperties basemap) {
        String tiles = tileOrigin(basemap.url());
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        // /embed is forwarded to the map page: the headers are written again on that dispatch,
        // which must keep the embed's framing.
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean embed = EMBED_PATH.equals(forwarded != null ? forwarded : request.getRequestURI());
        response.setHeader("Content-Security-Policy", policy + "; frame-ancestors " + (embed ? "*" : "'self'"));
        if (embed) {
            response.setHeader("X-Frame-Options", null);
        } else {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
    }

    /**
     * The origin of a Leaflet tile template for img-src: {@code https://tile.openstreetmap.org},
     * or {@code https://*.tile.example.org} for a {@code {s}} subdomain; the scheme alone when the
     * host has another placeholder; empty for no tiles.
     */
    static String tileOrigin(String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        String url = template.strip();
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return ""; // a path on the service itself: 'self' covers it
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
        int hostEnd = url.indexOf('/', schemeEnd + 3);
        String host = url.substring(schemeEnd + 3, hostEnd < 0 ? url.length() : hostEnd);
        if (host.startsWith("{s}.")) {
            host = "*." + host.substring(4);
        }
        if (host.contains("{") || host.contains("}") || host.contains("@") || host.isEmpty()) {
            return scheme + ":";
        }
        try {
            URI.create(scheme + "://" + host.replace("*.", "x."));
        } catch (IllegalArgumentException e) {
            return scheme + ":";
        }
        return scheme + "://" + host;
    }
}
