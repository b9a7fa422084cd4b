package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.MediaType;

/**
 * The {@code f} parameter: the encoding a client asks for in the URL rather than in its
 * {@code Accept} header. Descriptions are JSON only ({@code f=json}); features are GeoJSON, sent
 * as {@code application/geo+json} ({@code f=geojson}) or, for clients that want it,
 * {@code application/json} ({@code f=json}). There is no HTML.
 */
final class OgcFormat {

    static final MediaType GEOJSON = MediaType.parseMediaType(Link.GEOJSON);

    private OgcFormat() {
    }

    /** A description (landing page, conformance, collections): {@code f=json} and no other parameter. */
    static void description(HttpServletRequest request) {
        onlyFormat(request);
        String f = request.getParameter("f");
        if (f != null && !f.equals("json")) {
            throw new BadParameterException("f", "This resource is JSON only: f=json, got '" + f + "'");
        }
    }

    /** A single feature: {@code f}, {@code crs} and no other parameter. */
    static MediaType feature(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!name.equals("f") && !name.equals("crs")) {
                throw new BadParameterException(name, "Unknown parameter '" + name + "'; a feature takes only f and crs");
            }
        }
        return features(request.getParameter("f"));
    }

    /** The media type asked for by {@code f}, or null when it is absent (the Accept header decides). */
    static MediaType features(String f) {
        if (f == null) {
            return null;
        }
        return switch (f) {
            case "geojson" -> GEOJSON;
            case "json" -> MediaType.APPLICATION_JSON;
            default -> throw new BadParameterException("f", "Features are GeoJSON: f=geojson (application/geo+json) or"
                    + " f=json (application/json), got '" + f + "'");
        };
    }

    private static void onlyFormat(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!name.equals("f")) {
                throw new BadParameterException(name, "Unknown parameter '" + name + "'; this resource takes only f");
            }
        }
    }
}
