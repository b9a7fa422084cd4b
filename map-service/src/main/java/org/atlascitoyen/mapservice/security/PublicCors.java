package org.atlascitoyen.mapservice.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * Cross-origin reads of the open data: a partner's own page (a MapLibre map, a widget calling the
 * API with fetch) reads the public lists, details, exports, OGC API Features and tiles from its
 * own origin. Such requests get {@code Access-Control-Allow-Origin: *} and never credentials, so a
 * browser sends no cookie with them and no page of another origin reads anything a session would
 * show.
 *
 * <p>Only GET and HEAD, and the preflights asking for them, under {@code /api}, {@code /ogc} and
 * {@code /tiles}, minus the paths of the write side and the session ({@link #SESSION_PATHS}):
 * there, and for every other method, no CORS header is written, so a browser refuses the
 * cross-origin call (a preflight asking for a POST gets an answer without any).
 */
final class PublicCors implements CorsConfigurationSource {

    /** Read prefixes open to other origins. */
    static final List<String> PUBLIC_PREFIXES = List.of("/api/", "/ogc/", "/tiles/");

    /** Paths that write or answer from the session: never cross-origin, whatever the method. */
    static final List<String> SESSION_PATHS = List.of("/api/account", "/api/admin", "/api/moderation",
            "/api/contributions", "/api/csrf", "/api/persons/me", "/api/contact", "/api/rights-requests",
            "/api/needs-offers/mine");

    private final CorsConfiguration publicReads;

    PublicCors() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name()));
        // Simple requests need none; a client asking for GeoJSON or a conditional request does.
        config.setAllowedHeaders(List.of("Accept", "Accept-Language", "Content-Type", "If-None-Match",
                "If-Modified-Since", "Range"));
        // What a partner's script may read besides the simple headers: paging and caching of the
        // lists and exports, the licence link, the territory a retired code resolved to.
        config.setExposedHeaders(List.of("ETag", "Link", "Content-Crs", "Content-Disposition",
                "Atlas-Territory-Resolved", "Retry-After"));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        this.publicReads = config;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String method = CorsUtils.isPreFlightRequest(request)
                ? request.getHeader("Access-Control-Request-Method") : request.getMethod();
        if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
            return null;
        }
        return isPublicRead(request.getRequestURI().substring(request.getContextPath().length())) ? publicReads : null;
    }

    static boolean isPublicRead(String path) {
        for (String session : SESSION_PATHS) {
            if (path.equals(session) || path.startsWith(session + "/")) {
                return false;
            }
        }
        return path.equals("/ogc") || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
