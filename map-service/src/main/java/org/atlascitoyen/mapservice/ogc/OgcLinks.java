package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute link targets, as OGC API Features asks: built from the request (scheme, host, port
 * and context path as the client used them), so they hold behind any host name.
 */
final class OgcLinks {

    private OgcLinks() {
    }

    /** The API root, {@code http://host:port/ogc}. */
    static String root(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/ogc").build().toUriString();
    }

    /** The resource under the root at this path. */
    static String at(HttpServletRequest request, String path) {
        return root(request) + path;
    }

    /**
     * The requested URL with every query parameter kept, except {@code offset} and {@code limit}
     * set to these values (null: as requested). Values are decoded then encoded again, so that a
     * '+' of a datetime offset survives; commas, colons and slashes are left readable.
     */
    static String page(HttpServletRequest request, Integer offset, Integer limit) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if ((name.equals("offset") && offset != null) || (name.equals("limit") && limit != null)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                pairs.add(encode(name) + "=" + encode(value));
            }
        }
        if (limit != null) {
            pairs.add("limit=" + limit);
        }
        if (offset != null) {
            pairs.add("offset=" + offset);
        }
        String url = ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString();
        return pairs.isEmpty() ? url : url + "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("%2C", ",").replace("%3A", ":").replace("%2F", "/");
    }
}
