package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API Features Part 1 (Core), the features: a collection's items a page at a time
 * ({@code limit} and {@code offset}, with {@code next} and {@code prev} links that keep every
 * other parameter), filtered by {@code bbox}, {@code datetime} and the collection's queryables,
 * and one feature by id. GeoJSON, as {@code application/geo+json} unless the client asks for
 * {@code application/json}, in CRS84 or the CRS that {@code crs} names (Part 2), which the
 * {@code Content-Crs} header of every features response states.
 */
@RestController
@RequestMapping(value = "/ogc/collections/{collectionId}/items", produces = {Link.GEOJSON, MediaType.APPLICATION_JSON_VALUE})
class OgcItemsController {

    static final String CONTENT_CRS = "Content-Crs";

    private final ItemsQueryParser parser;
    private final RecordFeatures records;
    private final TerritoryFeatures territories;
    private final CollectionCatalog catalog;

    OgcItemsController(ItemsQueryParser parser, RecordFeatures records, TerritoryFeatures territories,
                       CollectionCatalog catalog) {
        this.catalog = catalog;
        this.parser = parser;
        this.records = records;
        this.territories = territories;
    }

    @GetMapping
    ResponseEntity<FeatureCollection> items(@PathVariable String collectionId, HttpServletRequest request) {
        OgcCollection collection = OgcController.collection(collectionId);
        MediaType format = OgcFormat.features(request.getParameter("f"));
        ItemsQuery query = parser.parse(collection, request.getParameterMap());
        ItemsResult result = collection.isRecord() ? records.page(collection, query) : territories.page(collection, query);

        int returned = result.features().size();
        String type = format == null ? Link.GEOJSON : format.toString();
        List<Link> links = new ArrayList<>();
        links.add(new Link(OgcLinks.page(request, null, null), "self", type, "Cette page"));
        links.add(new Link(OgcLinks.at(request, "/collections/" + collection.id()), "collection", Link.JSON,
                collection.title()));
        if (query.offset() + returned < result.numberMatched() && returned > 0) {
            links.add(new Link(OgcLinks.page(request, query.offset() + returned, query.limit()), "next", type,
                    "Page suivante"));
        }
        if (query.offset() > 0) {
            links.add(new Link(OgcLinks.page(request, Math.max(0, query.offset() - query.limit()), query.limit()), "prev",
                    type, "Page précédente"));
        }
        links.addAll(catalog.licenceLinks(collection)); // the licences of the collection's data
        FeatureCollection body = new FeatureCollection(NamedCrs.of(query.crs()), result.numberMatched(), returned,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), links, result.features());
        return respond(format, query.crs(), body);
    }

    @GetMapping("/{featureId}")
    ResponseEntity<OgcFeature> item(@PathVariable String collectionId, @PathVariable String featureId,
                                    HttpServletRequest request) {
        OgcCollection collection = OgcController.collection(collectionId);
        MediaType format = OgcFormat.feature(request);
        Crs crs = Crs.parse("crs", request.getParameter("crs"));
        OgcFeature feature = (collection.isRecord() ? records.one(collection, featureId, crs)
                : territories.one(collection, featureId, crs))
                .orElseThrow(() -> new NotFoundException("No feature '" + featureId + "' in collection " + collection.id()));
        String path = "/collections/" + collection.id();
        List<Link> links = new ArrayList<>(List.of(
                new Link(OgcLinks.page(request, null, null), "self", format == null ? Link.GEOJSON : format.toString(),
                        "Cet élément"),
                new Link(OgcLinks.at(request, path), "collection", Link.JSON, collection.title())));
        links.addAll(catalog.licenceLinks(collection));
        OgcFeature body = feature.withLinks(links);
        return respond(format, crs, body);
    }

    /** A features response: its media type when f chose it, and its CRS in {@code Content-Crs} (Part 2). */
    private static <T> ResponseEntity<T> respond(MediaType format, Crs crs, T body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(CONTENT_CRS, crs.header());
        return format == null ? response.body(body) : response.contentType(format).body(body);
    }
}
