package org.atlascitoyen.mapservice.export;

import java.time.LocalDate;
import org.atlascitoyen.mapservice.record.Filter;
import org.springframework.http.MediaType;

/** The file formats of an export, with their media type and file name extension. */
enum ExportFormat {
    GEOJSON("geojson", MediaType.parseMediaType("application/geo+json")),
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    GEOPACKAGE("gpkg", MediaType.parseMediaType("application/geopackage+sqlite3"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The name of the file, which says what it holds: {@code atlas-actors_epci-243100518_theme-climat_2026-11-23.csv}
     * (dataset, criteria, day of the export).
     */
    String fileName(Filter filter, LocalDate day) {
        String slug = filter.slug();
        return "atlas-" + filter.kind().path() + (slug.isEmpty() ? "" : "_" + slug) + "_" + day + "." + extension;
    }
}
