package org.atlascitoyen.mapservice.ogc;

import java.util.Map;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * The {@code bbox} of an items request in the CRS its {@code bbox-crs} names (CRS84 by default),
 * east then north whatever the CRS's axis order: a box in EPSG:4326 is given latitude first and
 * turned around here. Heights (a box of 6 numbers) are dropped: the features are flat, so a
 * feature is in the box when its footprint is. In degrees, a box whose west edge is east of its
 * east edge crosses the antimeridian, as OGC API Features says. A box in degrees that does not
 * cross it filters through the shared filter as every list does; the others are transformed to
 * the stored CRS by PostGIS ({@link #sql}), after being clipped to the area of use of their CRS.
 */
public record ItemsBox(double minX, double minY, double maxX, double maxY, Crs crs) {

    /**
     * The features that intersect a projected box, its edges first cut into 64 pieces so that
     * they follow the curves they become in degrees. The alias's {@code geom} is in CRS84.
     */
    private static final String PROJECTED = "ST_Intersects(%1$s.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope("
            + ":boxMinX, :boxMinY, :boxMaxX, :boxMaxY, :boxSrid), GREATEST(:boxMaxX - :boxMinX, :boxMaxY - :boxMinY)"
            + " / 64.0), 4326))";

    /** A box in degrees: one envelope, or two when it crosses the antimeridian. */
    private static final String DEGREES = "(ST_Intersects(%1$s.geom, ST_MakeEnvelope(:boxMinX, :boxMinY,"
            + " CASE WHEN :boxMinX > :boxMaxX THEN 180 ELSE :boxMaxX END, :boxMaxY, 4326))"
            + " OR (:boxMinX > :boxMaxX AND ST_Intersects(%1$s.geom, ST_MakeEnvelope(-180, :boxMinY, :boxMaxX, :boxMaxY,"
            + " 4326))))";

    /** The largest projected coordinate taken, in metres: the Earth's extent in Web Mercator. */
    private static final double MAX_METRES = 20_037_508.35;

    /** The box of a request, or null when {@code bbox} is absent; 400 naming the parameter when malformed. */
    static ItemsBox parse(String bbox, String bboxCrs) {
        Crs crs = Crs.parse("bbox-crs", bboxCrs);
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        double[] n = numbers(bbox.split(",", -1), crs);
        if (crs.latFirst()) {
            n = new double[] {n[1], n[0], n[3], n[2]};
        }
        if (crs.isGeographic()) {
            for (int i = 0; i < 4; i += 2) {
                if (Math.abs(n[i]) > 180 || Math.abs(n[i + 1]) > 90) {
                    throw new BadParameterException("bbox", "bbox is in degrees: longitudes within ±180, latitudes"
                            + " within ±90" + (crs.latFirst() ? " (EPSG:4326: latitude first)" : "") + "; got '" + bbox + "'");
                }
            }
            if (n[0] == n[2] || n[1] >= n[3]) {
                throw new BadParameterException("bbox", "bbox is " + order(crs) + " with a south edge below the north"
                        + " one and two different longitudes; got '" + bbox + "'");
            }
        } else {
            for (double v : n) {
                if (Math.abs(v) > MAX_METRES) {
                    throw new BadParameterException("bbox", "bbox in " + crs.uri() + " is in metres, at most "
                            + MAX_METRES + " from the origin; got '" + bbox + "'");
                }
            }
            if (n[0] >= n[2] || n[1] >= n[3]) {
                throw new BadParameterException("bbox", "bbox is minX,minY,maxX,maxY with min < max; got '" + bbox + "'");
            }
            double[] area = crs.areaOfUse();
            n = new double[] {Math.max(n[0], area[0]), Math.max(n[1], area[1]), Math.min(n[2], area[2]),
                    Math.min(n[3], area[3])};
            if (n[0] >= n[2] || n[1] >= n[3]) {
                return new ItemsBox(0, 0, 0, 0, crs); // outside the CRS's area of use: no feature
            }
        }
        return new ItemsBox(n[0], n[1], n[2], n[3], crs);
    }

    /** The box as longitudes and latitudes for the shared filter; null when it is projected or crosses the antimeridian. */
    Filter.Bbox lonLat() {
        return crs.isGeographic() && minX < maxX ? new Filter.Bbox(minX, minY, maxX, maxY) : null;
    }

    /** The condition on the {@code geom} of this table alias; its values are bound by {@link #bind}. */
    String sql(String alias) {
        if (isEmpty()) {
            return "FALSE";
        }
        return String.format(crs.isGeographic() ? DEGREES : PROJECTED, alias);
    }

    /** A projected box wholly outside its CRS's area of use, where no feature is. */
    private boolean isEmpty() {
        return !crs.isGeographic() && minX >= maxX;
    }

    void bind(Map<String, Object> params) {
        params.put("boxMinX", minX);
        params.put("boxMinY", minY);
        params.put("boxMaxX", maxX);
        params.put("boxMaxY", maxY);
        params.put("boxSrid", crs.srid());
    }

    private static String order(Crs crs) {
        return crs.latFirst() ? "minLat,minLon,maxLat,maxLon" : crs.isGeographic() ? "minLon,minLat,maxLon,maxLat"
                : "minX,minY,maxX,maxY";
    }

    /** The 4 numbers of the box: of 6, the heights (third and sixth) are dropped. */
    private static double[] numbers(String[] parts, Crs crs) {
        if (parts.length != 4 && parts.length != 6) {
            throw new BadParameterException("bbox", "bbox takes 4 numbers (" + order(crs) + "), or 6 with heights;"
                    + " got " + parts.length);
        }
        double[] all = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                all[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadParameterException("bbox", "bbox takes numbers, got '" + parts[i] + "'");
            }
            if (!Double.isFinite(all[i])) {
                throw new BadParameterException("bbox", "bbox takes finite numbers, got '" + parts[i] + "'");
            }
        }
        return parts.length == 4 ? all : new double[] {all[0], all[1], all[3], all[4]};
    }
}
