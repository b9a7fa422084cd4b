package org.atlascitoyen.importers.locate;

/**
 * Reading a longitude/latitude pair as spreadsheets hold it: decimal commas, one "lat,lon"
 * column, and latitude and longitude swapped. The pair is checked against the region's bounding
 * box: a pair outside it that falls inside once swapped is swapped.
 */
public final class Coordinates {

    /** A pair read; {@code swapped} when it was given in the wrong order. */
    public record Point(double lon, double lat, boolean swapped) {
    }

    /** Why a pair could not be read. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;

    /** The region's bounding box, in degrees. */
    public Coordinates(double minLon, double minLat, double maxLon, double maxLat) {
        this.minLon = minLon;
        this.minLat = minLat;
        this.maxLon = maxLon;
        this.maxLat = maxLat;
    }

    /**
     * The point of a latitude and a longitude cell, or null when both are empty or the pair is
     * 0,0 (a common "no coordinates" in exports).
     */
    public Point read(String latitude, String longitude) throws Unreadable {
        boolean noLat = latitude == null || latitude.isBlank();
        boolean noLon = longitude == null || longitude.isBlank();
        if (noLat && noLon) {
            return null;
        }
        if (noLat || noLon) {
            throw new Unreadable("only one of latitude and longitude: '" + (noLat ? "" : latitude) + "', '" + (noLon ? "" : longitude) + "'");
        }
        return point(number(latitude), number(longitude), latitude + ", " + longitude);
    }

    /** The point of one "lat,lon" cell ("43.6,1.44", "43,6 ; 1,44", "43,6 1,44", "43.6 1.44"). */
    public Point readPair(String pair) throws Unreadable {
        if (pair == null || pair.isBlank()) {
            return null;
        }
        String text = pair.strip();
        String[] parts;
        if (text.contains(";")) {
            parts = text.split("\\s*;\\s*");
        } else if (text.contains(",") && (text.contains(".") || text.chars().filter(c -> c == ',').count() == 1)) {
            parts = text.split("\\s*,\\s*");
        } else if (text.matches("\\S+\\s+\\S+")) {
            parts = text.split("\\s+");
        } else if (text.chars().filter(c -> c == ',').count() == 3) {
            int middle = text.indexOf(',', text.indexOf(',') + 1);
            parts = new String[] {text.substring(0, middle), text.substring(middle + 1)};
        } else {
            throw new Unreadable("cannot split '" + pair + "' into a latitude and a longitude");
        }
        if (parts.length != 2) {
            throw new Unreadable("cannot split '" + pair + "' into a latitude and a longitude");
        }
        return point(number(parts[0]), number(parts[1]), pair);
    }

    /** A point given as numbers (GeoJSON, GoGoCarto): only the swap check applies. */
    public Point of(double lon, double lat) throws Unreadable {
        return point(lat, lon, lon + ", " + lat);
    }

    private Point point(double lat, double lon, String text) throws Unreadable {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 && Math.abs(lon) > 90
                || Math.abs(lat) > 180 || Math.abs(lon) > 180) {
            throw new Unreadable("coordinates out of range: " + text);
        }
        if (lat == 0 && lon == 0) {
            return null;
        }
        if (!inRegion(lon, lat) && inRegion(lat, lon)) {
            return new Point(lat, lon, true);
        }
        if (Math.abs(lat) > 90) {
            throw new Unreadable("latitude out of range: " + text);
        }
        return new Point(lon, lat, false);
    }

    private boolean inRegion(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    private static double number(String text) throws Unreadable {
        String t = text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (t.endsWith("°")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Unreadable("not a number: '" + text.strip() + "'");
        }
    }
}
