package org.atlascitoyen.mapservice.ogc;

/**
 * The {@code crs} member of GeoJSON 2008 ({@code {"type": "name", "properties": {"name": ...}}}),
 * given only to a page in a projected CRS: the {@code Content-Crs} header names the CRS for OGC
 * clients, but a GIS tool that opens the GeoJSON of an items URL as a file (GDAL, QGIS) reads the
 * CRS from the document, and would otherwise take metres for degrees. Degrees need none (CRS84 is
 * GeoJSON's own), and EPSG:4326 is left without one: GDAL reads GeoJSON longitude first whatever it says.
 */
public record NamedCrs(String type, Properties properties) {

    public record Properties(String name) {
    }

    /** The member for this CRS, or null when it is in degrees. */
    static NamedCrs of(Crs crs) {
        return crs.isGeographic() ? null : new NamedCrs("name", new Properties("urn:ogc:def:crs:EPSG::" + crs.srid()));
    }
}
