package org.atlascitoyen.mapservice.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One collection's description ({@code /ogc/collections/{collectionId}}): what it holds, where
 * and when (its extent), the CRSs its items are served in ({@code crs}, Part 2) and the one they are
 * stored in ({@code storageCrs}), and the links to its items and queryables.
 */
@JsonPropertyOrder({"id", "title", "description", "itemType", "crs", "storageCrs", "extent", "links"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionInfo(String id, String title, String description, List<String> crs, String storageCrs,
                             Extent extent, List<Link> links) {

    /** Lon/lat on WGS84: the CRS of the extents, of the features by default, and of the storage. */
    public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /** GDAL and QGIS list only collections of features. */
    @JsonProperty("itemType")
    public String itemType() {
        return "feature";
    }

    /** Where and when the collection's features are; either part is null when the collection is empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Extent(Spatial spatial, Temporal temporal) {
    }

    /** One box, west, south, east, north, in CRS84. */
    public record Spatial(List<double[]> bbox, String crs) {

        public static Spatial of(double... box) {
            return new Spatial(List.<double[]>of(Arrays.copyOf(box, 4)), CRS84);
        }
    }

    /** One interval, first and last instant, on the Gregorian calendar. */
    public record Temporal(List<List<OffsetDateTime>> interval, String trs) {

        public static Temporal of(OffsetDateTime start, OffsetDateTime end) {
            return new Temporal(List.of(List.of(start, end)), "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        }
    }
}
