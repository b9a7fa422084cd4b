package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ogc/api}: the API definition that the landing page links as {@code service-desc}
 * ({@link OgcApiDefinition}), in the media type it advertises
 * ({@code application/vnd.oai.openapi+json;version=3.0}) or as plain JSON, and as an HTML page
 * ({@code service-doc}: {@code Accept: text/html} or {@code f=html}).
 */
@RestController
@RequestMapping("/ogc/api")
class OgcApiController {

    static final MediaType OPENAPI = MediaType.parseMediaType(Link.OPENAPI);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final OgcApiDefinition definition;

    OgcApiController(OgcApiDefinition definition) {
        this.definition = definition;
    }

    /**
     * Negotiated by hand, because the three media types share one resource: {@code f} first, then
     * the Accept header (HTML only when it names HTML before any JSON, as a browser does).
     */
    @GetMapping
    ResponseEntity<?> definition(HttpServletRequest request) {
        String f = format(request);
        JsonNode doc = definition.document(OgcLinks.root(request));
        if ("html".equals(f) || (f == null && wantsHtml(request))) {
            return ResponseEntity.ok().contentType(HTML).body(OgcApiPage.render(doc));
        }
        // f=json asks for plain JSON; otherwise the media type the landing page advertises.
        return ResponseEntity.ok().contentType("json".equals(f) ? MediaType.APPLICATION_JSON : OPENAPI).body(doc);
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.getHeader("Accept"));
        } catch (InvalidMediaTypeException e) {
            return false; // a malformed header gets the JSON
        }
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }

    private static String format(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!name.equals("f")) {
                throw new BadParameterException(name, "Unknown parameter '" + name + "'; this resource takes only f");
            }
        }
        String f = request.getParameter("f");
        if (f != null && !f.equals("json") && !f.equals("html")) {
            throw new BadParameterException("f", "The API definition is f=json or f=html, got '" + f + "'");
        }
        return f;
    }
}
