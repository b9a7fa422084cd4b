package org.atlascitoyen.mapservice.ogc;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The API definition as a page for people ({@code service-doc}): each path with what it does, its
 * parameters and its responses, read from the same document as {@code service-desc}. Every text
 * is escaped.
 */
final class OgcApiPage {

    private OgcApiPage() {
    }

    static String render(JsonNode doc) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(text(doc.path("info").path("title"))).append("</title></head><body>\n")
                .append("<h1>").append(text(doc.path("info").path("title"))).append("</h1>\n<p>")
                .append(text(doc.path("info").path("description"))).append("</p>\n");
        String server = doc.path("servers").path(0).path("url").asString("");
        html.append("<p>Adresse de l'API : <code>").append(htmlEscape(server)).append("</code> ; ")
                .append("<a href=\"?f=json\">la description OpenAPI 3.0</a>.</p>\n");
        JsonNode parameters = doc.path("components").path("parameters");
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            html.append("<h2>GET <code>").append(htmlEscape(server + path.getKey())).append("</code></h2>\n<p>")
                    .append(text(get.path("summary")));
            if (get.has("description")) {
                html.append(". ").append(text(get.path("description")));
            }
            html.append("</p>\n<table><tr><th>paramètre</th><th>où</th><th>description</th></tr>\n");
            for (JsonNode p : get.path("parameters")) {
                JsonNode param = p.has("$ref") ? parameters.path(p.path("$ref").asString().replaceFirst(".*/", "")) : p;
                html.append("<tr><td><code>").append(text(param.path("name"))).append("</code></td><td>")
                        .append(text(param.path("in"))).append("</td><td>").append(text(param.path("description")))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n<p>Réponses : ");
            for (Map.Entry<String, JsonNode> response : get.path("responses").properties()) {
                html.append(htmlEscape(response.getKey())).append(' ');
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String text(JsonNode node) {
        return htmlEscape(node.asString(""), "UTF-8");
    }
}
