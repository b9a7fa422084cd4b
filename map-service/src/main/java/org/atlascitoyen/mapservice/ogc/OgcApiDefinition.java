package org.atlascitoyen.mapservice.ogc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API definition of the OGC API alone (OpenAPI 3.0), its paths relative to the landing page,
 * as OGC API Features asks and as its test suite reads it. The document is written once, in
 * {@code ogc/openapi.json}; what the service knows is filled in here: the server (the landing
 * page's URL as the client reached it), the collection ids, the CRSs, the page size limits and
 * the queryables, each described with the collections that take it. The whole service's
 * document ({@code /v3/api-docs}) still lists the {@code /ogc} endpoints among the others.
 */
@Component
class OgcApiDefinition {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode template;

    OgcApiDefinition(AtlasProperties limits) {
        try (InputStream in = OgcApiDefinition.class.getResourceAsStream("/ogc/openapi.json")) {
            template = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ogc/openapi.json", e);
        }
        ObjectNode parameters = (ObjectNode) template.path("components").path("parameters");
        ArrayNode ids = (ArrayNode) parameters.path("collectionId").path("schema").path("enum");
        OgcCollection.values().forEach(c -> ids.add(c.id()));
        for (String crs : Set.of("crs", "bbox-crs")) {
            ArrayNode uris = (ArrayNode) parameters.path(crs).path("schema").path("enum");
            Crs.uris().forEach(uris::add);
        }
        ObjectNode limit = (ObjectNode) parameters.path("limit").path("schema");
        limit.put("maximum", limits.ogcLimitMax());
        limit.put("default", limits.ogcLimitDefault());
        ArrayNode itemsParameters = (ArrayNode) template.path("paths").path("/collections/{collectionId}/items")
                .path("get").path("parameters");
        for (Queryable q : queryables()) {
            String name = "q_" + q.parameter();
            parameters.set(name, queryable(q));
            itemsParameters.addObject().put("$ref", "#/components/parameters/" + name);
        }
    }

    /** The document for a landing page at this URL. */
    JsonNode document(String root) {
        ObjectNode doc = template.deepCopy();
        doc.putArray("servers").addObject().put("url", root).put("description", "Cette API OGC");
        return doc;
    }

    private static Set<Queryable> queryables() {
        Set<Queryable> all = EnumSet.noneOf(Queryable.class);
        OgcCollection.values().forEach(c -> all.addAll(c.queryables()));
        return all;
    }

    private static ObjectNode queryable(Queryable q) {
        String collections = String.join(", ", OgcCollection.values().stream()
                .filter(c -> c.queryables().contains(q)).map(OgcCollection::id).toList());
        ObjectNode p = JSON.createObjectNode();
        p.put("name", q.parameter()).put("in", "query").put("required", false).put("style", "form")
                .put("explode", false)
                .put("description", q.title() + " : une valeur ou plusieurs séparées par des virgules (l'une d'elles)."
                        + " Collections : " + collections + " ; refusé (400) ailleurs.");
        p.putObject("schema").put("type", "array").putObject("items").put("type", "string");
        return p;
    }
}
