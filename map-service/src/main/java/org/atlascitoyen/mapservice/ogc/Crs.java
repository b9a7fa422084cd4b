package org.atlascitoyen.mapservice.ogc;

import java.util.Arrays;
import java.util.List;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * The coordinate reference systems the OGC API serves (OGC API Features Part 2). Features are
 * stored in CRS84 (WGS84, longitude then latitude); PostGIS transforms them on the way out
 * ({@code ST_Transform}) and transforms a box given in another CRS on the way in. EPSG:4326 is
 * the same datum with the axis order its definition gives, latitude first
 * ({@code ST_FlipCoordinates}). Projected coordinates are in metres, sent to the centimetre.
 *
 * @param uri      the CRS's URI, as the collections list it and {@code Content-Crs} names it
 * @param srid     its PostGIS SRID
 * @param latFirst true when its first axis is the latitude (EPSG:4326)
 * @param decimals the decimals sent: 6 for degrees (about 10 cm), 2 for metres
 * @param areaOfUse a projected CRS's area of use as EPSG gives it (minX, minY, maxX, maxY), to which
 *                  a box is clipped before it is transformed: far outside it a projection folds
 *                  back on itself and a box would select nothing or the wrong features
 */
public enum Crs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, 6, null),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 6, null),
    EPSG_2154("http://www.opengis.net/def/crs/EPSG/0/2154", 2154, false, 2,
            new double[] {-378_305.81, 6_093_283.21, 1_212_610.74, 7_186_901.68}),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, 2,
            new double[] {-20_037_508.34, -20_048_966.1, 20_037_508.34, 20_048_966.1});

    private final String uri;
    private final int srid;
    private final boolean latFirst;
    private final int decimals;
    private final double[] areaOfUse;

    Crs(String uri, int srid, boolean latFirst, int decimals, double[] areaOfUse) {
        this.uri = uri;
        this.srid = srid;
        this.latFirst = latFirst;
        this.decimals = decimals;
        this.areaOfUse = areaOfUse;
    }

    /** A copy of the projected area of use (minX, minY, maxX, maxY); null for degrees. */
    public double[] areaOfUse() {
        return areaOfUse == null ? null : areaOfUse.clone();
    }

    public String uri() {
        return uri;
    }

    public int srid() {
        return srid;
    }

    public boolean latFirst() {
        return latFirst;
    }

    public int decimals() {
        return decimals;
    }

    /** Degrees on WGS84 (CRS84 or EPSG:4326), as stored; the others are projected, in metres. */
    public boolean isGeographic() {
        return srid == 4326;
    }

    /** The value of a {@code Content-Crs} header: the URI in angle brackets. */
    public String header() {
        return "<" + uri + ">";
    }

    /** Every CRS's URI, CRS84 first, as the collections list them. */
    public static List<String> uris() {
        return Arrays.stream(values()).map(Crs::uri).toList();
    }

    /**
     * The CRS named by a query parameter ({@code crs}, {@code bbox-crs}): its URI, or its safe CURIE
     * ({@code [EPSG:2154]}, {@code EPSG:2154}, {@code OGC:CRS84}) as OGC API Common allows; CRS84
     * when absent; otherwise a 400 naming the parameter and the CRSs served.
     */
    public static Crs parse(String parameter, String value) {
        if (value == null) {
            return CRS84;
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        for (Crs crs : values()) {
            if (crs.uri.equals(v) || crs.curie().equalsIgnoreCase(v)) {
                return crs;
            }
        }
        throw new BadParameterException(parameter, "Unsupported " + parameter + " '" + value + "'; served: "
                + String.join(", ", uris()));
    }

    private String curie() {
        return this == CRS84 ? "OGC:CRS84" : "EPSG:" + srid;
    }
}
