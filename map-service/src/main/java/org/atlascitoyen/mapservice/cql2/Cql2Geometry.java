package org.atlascitoyen.mapservice.cql2;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The geometry literal of {@code S_INTERSECTS}, checked and written back as canonical WKT from its
 * numbers alone, so that PostGIS only ever reads text the service wrote (and binds it as a
 * parameter all the same). Coordinates are CRS84 longitude, latitude; the shape must be one
 * PostGIS accepts (closed rings, two points a line), so a bad literal is a 400, never an SQL error.
 */
final class Cql2Geometry {

    /** Coordinates as GeoJSON nests them: a position, or a list of nested coordinates. */
    sealed interface Coords {
    }

    record Position(double lon, double lat) implements Coords {
    }

    record Nested(List<Coords> items) implements Coords {
    }

    private Cql2Geometry() {
    }

    /** The envelope of {@code BBOX(minLon, minLat, maxLon, maxLat)} as a WKT polygon. */
    static String bbox(List<Double> numbers) {
        if (numbers.size() != 4) {
            throw new Cql2Exception("BBOX takes 4 numbers (minLon, minLat, maxLon, maxLat), got " + numbers.size());
        }
        double minLon = numbers.get(0), minLat = numbers.get(1), maxLon = numbers.get(2), maxLat = numbers.get(3);
        position(minLon, minLat);
        position(maxLon, maxLat);
        if (minLon > maxLon || minLat > maxLat) {
            throw new Cql2Exception("BBOX minimum above its maximum: " + numbers);
        }
        return "POLYGON((" + xy(minLon, minLat) + "," + xy(maxLon, minLat) + "," + xy(maxLon, maxLat) + ","
                + xy(minLon, maxLat) + "," + xy(minLon, minLat) + "))";
    }

    /** A checked position. */
    static Position position(double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new Cql2Exception("Coordinates are CRS84 longitude, latitude; out of range: " + lon + " " + lat);
        }
        return new Position(lon, lat);
    }

    /** WKT of a geometry type (upper case, as in WKT) and its coordinates. */
    static String wkt(String type, Coords coords) {
        return switch (type) {
            case "POINT" -> "POINT(" + xy(single(coords)) + ")";
            case "LINESTRING" -> "LINESTRING" + line(coords, 2);
            case "MULTIPOINT" -> "MULTIPOINT" + multiPoint(coords);
            case "POLYGON" -> "POLYGON" + polygon(coords);
            case "MULTILINESTRING" -> "MULTILINESTRING" + list(coords, c -> line(c, 2));
            case "MULTIPOLYGON" -> "MULTIPOLYGON" + list(coords, Cql2Geometry::polygon);
            default -> throw new Cql2Exception("Unsupported geometry " + type + "; supported: POINT, LINESTRING, POLYGON,"
                    + " MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, BBOX");
        };
    }

    private static Position single(Coords coords) {
        if (coords instanceof Position p) {
            return p;
        }
        List<Coords> items = ((Nested) coords).items();
        if (items.size() == 1 && items.get(0) instanceof Position p) {
            return p;
        }
        throw new Cql2Exception("A POINT has one position");
    }

    private static String multiPoint(Coords coords) {
        List<Coords> items = nested(coords, "MULTIPOINT").items();
        return "(" + items.stream().map(c -> "(" + xy(single(c)) + ")").collect(Collectors.joining(",")) + ")";
    }

    private static String line(Coords coords, int min) {
        List<Coords> items = nested(coords, "a line").items();
        if (items.size() < min) {
            throw new Cql2Exception("A line or ring needs at least " + min + " positions, got " + items.size());
        }
        return "(" + items.stream().map(c -> {
            if (c instanceof Position p) {
                return xy(p);
            }
            throw new Cql2Exception("A line is a list of positions");
        }).collect(Collectors.joining(",")) + ")";
    }

    private static String polygon(Coords coords) {
        return list(coords, ring -> {
            List<Coords> items = nested(ring, "a ring").items();
            if (items.size() < 4 || !items.get(0).equals(items.get(items.size() - 1))) {
                throw new Cql2Exception("A polygon ring is closed (last position = first) with at least 4 positions");
            }
            return line(ring, 4);
        });
    }

    private static String list(Coords coords, java.util.function.Function<Coords, String> each) {
        List<Coords> items = nested(coords, "a list").items();
        if (items.isEmpty()) {
            throw new Cql2Exception("Empty geometry");
        }
        return "(" + items.stream().map(each).collect(Collectors.joining(",")) + ")";
    }

    private static Nested nested(Coords coords, String what) {
        if (coords instanceof Nested n) {
            return n;
        }
        throw new Cql2Exception("Expected " + what + " of positions, got a single position");
    }

    private static String xy(Position p) {
        return xy(p.lon(), p.lat());
    }

    private static String xy(double lon, double lat) {
        return String.format(Locale.ROOT, "%s %s", Double.toString(lon), Double.toString(lat));
    }
}
