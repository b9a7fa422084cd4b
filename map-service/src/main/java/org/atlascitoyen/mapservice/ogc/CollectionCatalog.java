package org.atlascitoyen.mapservice.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.source.DataLicence;
import org.atlascitoyen.mapservice.source.LicenceLinks;
import org.atlascitoyen.mapservice.source.ReferenceLicence;
import org.atlascitoyen.mapservice.source.SourceRepository;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Describes the collections: their extents, measured on the data at each request (one query
 * per kind of record and one for the territories, about 20 ms for the region's 5,000 territories: the boxes are cached in the
 * geometries) so that they never go stale after an import, and their links, with a
 * {@code rel: "license"} link (OGC API Common) for each licence of a collection's content.
 */
@Component
class CollectionCatalog {

    private static final String TERRITORY_EXTENTS = SqlResource.load("sql/ogc/extents.sql");
    private static final String RECORD_EXTENT = SqlResource.load("sql/ogc/record-extent.sql");

    private final JdbcClient jdbc;
    private final SourceRepository sources;

    CollectionCatalog(JdbcClient jdbc, SourceRepository sources) {
        this.jdbc = jdbc;
        this.sources = sources;
    }

    /** The description of each collection, in the order of {@link OgcCollection}. */
    List<CollectionInfo> describeAll(HttpServletRequest request) {
        Map<OgcCollection, CollectionInfo.Extent> extents = extents();
        return OgcCollection.values().stream().map(c -> describe(c, extents.get(c), licenceLinks(c), request)).toList();
    }

    CollectionInfo describe(OgcCollection collection, HttpServletRequest request) {
        return describe(collection, extents().get(collection), licenceLinks(collection), request);
    }

    /**
     * A {@code license} link per licence of the collection's content, titled with the licence and
     * what is under it: the directory sources holding its records, or the producers of the
     * reference files its territories were imported from. A licence without a URL gives no link.
     */
    List<Link> licenceLinks(OgcCollection collection) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> under = new LinkedHashMap<>();
        if (collection.isRecord()) {
            for (DataLicence l : sources.ofKind(collection.record())) {
                licensed(l.licenceUrl(), l.licence(), l.source(), names, under);
            }
        } else {
            for (ReferenceLicence r : sources.references(collection.kind().key())) {
                licensed(r.licenceUrl(), r.licence(), r.producer(), names, under);
            }
        }
        List<Link> links = new ArrayList<>();
        under.forEach((url, what) -> links.add(new Link(url, "license", "text/html",
                names.get(url) + " (" + String.join(", ", what.stream().distinct().toList()) + ")")));
        return links;
    }

    private static void licensed(String url, String licence, String what, Map<String, String> names,
                                 Map<String, List<String>> under) {
        if (!LicenceLinks.isSafe(url)) {
            return;
        }
        names.putIfAbsent(url, licence);
        under.computeIfAbsent(url, u -> new ArrayList<>()).add(what);
    }

    private static CollectionInfo describe(OgcCollection c, CollectionInfo.Extent extent, List<Link> licences,
                                           HttpServletRequest request) {
        String path = "/collections/" + c.id();
        List<Link> links = new ArrayList<>(List.of(
                new Link(OgcLinks.at(request, path), "self", Link.JSON, c.title()),
                new Link(OgcLinks.at(request, path + "/items"), "items", Link.GEOJSON, c.title() + " (GeoJSON)"),
                new Link(OgcLinks.at(request, path + "/queryables"), "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                        Link.SCHEMA, "Propriétés filtrables")));
        links.addAll(licences);
        return new CollectionInfo(c.id(), c.title(), c.description(), Crs.uris(), Crs.CRS84.uri(), extent, links);
    }

    private Map<OgcCollection, CollectionInfo.Extent> extents() {
        Map<OgcCollection, CollectionInfo.Extent> extents = new HashMap<>();
        for (OgcCollection collection : OgcCollection.values()) {
            if (collection.isRecord()) {
                jdbc.sql(RECORD_EXTENT.replace("${view}", collection.record().publicView()))
                        .query((RowCallbackHandler) rs -> extents.put(collection, extent(rs)));
            }
        }
        jdbc.sql(TERRITORY_EXTENTS).query((RowCallbackHandler) rs -> {
            // A kind of territory added to the schema but not served yet has no collection.
            String kind = rs.getString("kind");
            CollectionInfo.Extent extent = extent(rs);
            OgcCollection.values().stream().filter(c -> !c.isRecord() && c.kind().key().equals(kind)).findFirst()
                    .ifPresent(collection -> extents.put(collection, extent));
        });
        return extents;
    }

    private static CollectionInfo.Extent extent(ResultSet rs) throws SQLException {
        CollectionInfo.Spatial spatial = rs.getObject("xmin") == null ? null : CollectionInfo.Spatial.of(
                floor(rs.getDouble("xmin")), floor(rs.getDouble("ymin")),
                ceil(rs.getDouble("xmax")), ceil(rs.getDouble("ymax")));
        OffsetDateTime first = rs.getObject("first_update", OffsetDateTime.class);
        OffsetDateTime last = rs.getObject("last_update", OffsetDateTime.class);
        CollectionInfo.Temporal temporal = first == null ? null : CollectionInfo.Temporal.of(first, last);
        return spatial == null && temporal == null ? null : new CollectionInfo.Extent(spatial, temporal);
    }

    // The box is widened to 6 decimals (about 10 cm), never narrowed: every feature stays inside.
    private static double floor(double degrees) {
        return Math.floor(degrees * 1e6) / 1e6;
    }

    private static double ceil(double degrees) {
        return Math.ceil(degrees * 1e6) / 1e6;
    }
}
