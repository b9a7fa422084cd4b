package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API Features Part 1 (Core), the descriptions: the landing page, the conformance classes,
 * the collections and each collection's queryables. The features themselves are served by
 * {@link OgcItemsController}.
 */
@RestController
@RequestMapping(value = "/ogc", produces = MediaType.APPLICATION_JSON_VALUE)
class OgcController {

    private final CollectionCatalog catalog;
    private final Vocabularies vocabularies;

    OgcController(CollectionCatalog catalog, Vocabularies vocabularies) {
        this.catalog = catalog;
        this.vocabularies = vocabularies;
    }

    @GetMapping({"", "/"})
    LandingPage landing(HttpServletRequest request) {
        OgcFormat.description(request);
        return new LandingPage("Atlas Citoyen", "Qui fait quoi, où : les acteurs et les initiatives de l'engagement"
                + " citoyen de la région, et ses territoires (communes, EPCI, PETR, bassins de vie, départements,"
                + " région, QPV, PNR), en OGC API Features.", List.of(
                new Link(OgcLinks.root(request), "self", Link.JSON, "Cette page"),
                new Link(OgcLinks.at(request, "/api"), "service-desc", Link.OPENAPI, "Description de l'API (OpenAPI 3.0)"),
                new Link(OgcLinks.at(request, "/api?f=html"), "service-doc", Link.HTML, "Documentation de l'API"),
                new Link(OgcLinks.at(request, "/conformance"), "conformance", Link.JSON, "Classes de conformité"),
                new Link(OgcLinks.at(request, "/collections"), "data", Link.JSON, "Collections")));
    }

    @GetMapping("/conformance")
    Conformance conformance(HttpServletRequest request) {
        OgcFormat.description(request);
        return Conformance.IMPLEMENTED;
    }

    @GetMapping("/collections")
    CollectionList collections(HttpServletRequest request) {
        OgcFormat.description(request);
        return new CollectionList(List.of(new Link(OgcLinks.at(request, "/collections"), "self", Link.JSON, "Collections")),
                catalog.describeAll(request));
    }

    @GetMapping("/collections/{collectionId}")
    CollectionInfo collection(@PathVariable String collectionId, HttpServletRequest request) {
        OgcCollection collection = collection(collectionId);
        OgcFormat.description(request);
        return catalog.describe(collection, request);
    }

    /** JSON Schema of what {@code items} filters on, for clients that build filters (QGIS). */
    @GetMapping(value = "/collections/{collectionId}/queryables", produces = {Link.SCHEMA, MediaType.APPLICATION_JSON_VALUE})
    Queryables queryables(@PathVariable String collectionId, HttpServletRequest request) {
        OgcCollection collection = collection(collectionId);
        OgcFormat.description(request);
        Map<String, Queryables.Property> properties = new LinkedHashMap<>();
        for (Queryable q : collection.queryables()) {
            Map<String, String> codes = q.codes(vocabularies);
            properties.put(q.parameter(), new Queryables.Property(q.title(), "string",
                    codes == null ? null : List.copyOf(codes.keySet())));
        }
        return new Queryables(Queryables.JSON_SCHEMA, OgcLinks.at(request, "/collections/" + collection.id() + "/queryables"),
                collection.title(), properties);
    }

    /** The collection with this id, or a 404 that lists them. */
    static OgcCollection collection(String id) {
        return OgcCollection.byId(id).orElseThrow(() -> new NotFoundException("No collection '" + id + "'; collections: "
                + OgcCollection.values().stream().map(OgcCollection::id).collect(Collectors.joining(", "))));
    }
}
