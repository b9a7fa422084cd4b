package org.atlascitoyen.mapservice.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.atlascitoyen.importers.record.RecordField;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterParams;
import org.atlascitoyen.mapservice.record.FilterParser;
import org.atlascitoyen.mapservice.record.Pages;
import org.atlascitoyen.mapservice.record.RecordFeature;
import org.atlascitoyen.mapservice.record.RecordPaths;
import org.atlascitoyen.mapservice.record.RecordSelect;
import org.atlascitoyen.mapservice.source.DataLicence;
import org.atlascitoyen.mapservice.source.LicenceLinks;
import org.atlascitoyen.mapservice.source.SourceRepository;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.ObjectMapper;

/**
 * Exports: every record of a kind matching the filters of the lists, in the lists' order, as
 * one GeoJSON or CSV file, streamed as the database reads it, or one GeoPackage, written to a
 * temporary file as the database reads it and sent when complete.
 *
 * <p>Everything that can be refused is refused before the first byte, as problem details: a bad
 * parameter, more matches than {@code atlas.export-max-rows} (counted first), every export slot
 * taken. The file is not cut to the bound: an export is the whole selection or nothing.
 *
 * <p>The file is written on the request's own thread, straight to the servlet response, rather
 * than from a {@code StreamingResponseBody}: the status and headers can then wait for the first
 * row, and no async request timeout cuts a long download. The export slots bound the threads.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);
    /** The day in a file name is the day in the region. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final FilterParser filters;
    private final Pages pages;
    private final ExportQuery query;
    private final ExportSlots slots;
    private final ObjectMapper mapper;
    private final AtlasProperties limits;
    private final SourceRepository sources;

    ExportController(FilterParser filters, Pages pages, ExportQuery query, ExportSlots slots, ObjectMapper mapper,
                     AtlasProperties limits, SourceRepository sources) {
        this.sources = sources;
        this.filters = filters;
        this.pages = pages;
        this.query = query;
        this.slots = slots;
        this.mapper = mapper;
        this.limits = limits;
    }

    @GetMapping("/" + RecordPaths.KIND + ".geojson")
    void geoJson(@PathVariable("recordKind") RecordKind kind, FilterParams params, HttpMethod method, HttpServletResponse response)
            throws IOException {
        Filter filter = check(kind, params);
        List<DataLicence> licences = sources.of(filter);
        run(filter, method, new ExportResponse<>(response, ExportFormat.GEOJSON, fileName(ExportFormat.GEOJSON, filter),
                LicenceLinks.urls(licences), body -> new GeoJsonWriter<>(mapper, body, licences)));
    }

    @GetMapping("/" + RecordPaths.KIND + ".csv")
    void csv(@PathVariable("recordKind") RecordKind kind, FilterParams params, @RequestParam(required = false) String sep,
             @RequestParam(required = false) String crs, HttpMethod method, HttpServletResponse response)
            throws IOException {
        CsvDialect dialect = CsvDialect.parse(sep);
        boolean lambert93 = lambert93(crs);
        Filter filter = check(kind, params);
        List<DataLicence> licences = sources.of(filter);
        List<CsvColumn<RecordFeature>> columns = RecordCsv.columns(kind, filter.sort() == Filter.Sort.DISTANCE, licences);
        String fileName = fileName(ExportFormat.CSV, filter);
        if (lambert93) {
            List<CsvColumn<Lambert93Row>> projected = Lambert93Row.columns(columns);
            run(method, new ExportResponse<>(response, ExportFormat.CSV, fileName, LicenceLinks.urls(licences),
                    body -> new CsvWriter<>(body, dialect, projected)), out -> query.streamLambert93(filter, out));
            return;
        }
        run(filter, method, new ExportResponse<>(response, ExportFormat.CSV, fileName,
                LicenceLinks.urls(licences), body -> new CsvWriter<>(body, dialect, columns)));
    }

    /** Whether {@code crs} asks for the Lambert-93 columns; CRS84 or EPSG:4326 is the plain file. */
    private static boolean lambert93(String crs) {
        if (crs == null || Lambert93Row.DEFAULTS.contains(crs.strip())) {
            return false;
        }
        if (Lambert93Row.NAMES.contains(crs.strip())) {
            return true;
        }
        throw new BadParameterException("crs", "crs is EPSG:2154 (adds the Lambert-93 columns x_l93, y_l93) or"
                + " EPSG:4326 (the default: lon, lat only), got '" + crs + "'");
    }

    /** A GeoPackage (QGIS's native format): the GeoJSON export's fields in one point table, EPSG:4326. */
    @GetMapping("/" + RecordPaths.KIND + ".gpkg")
    void geoPackage(@PathVariable("recordKind") RecordKind kind, FilterParams params, HttpMethod method,
                    HttpServletResponse response) throws IOException {
        Filter filter = check(kind, params);
        List<DataLicence> licences = sources.of(filter);
        List<RecordField> fields = RecordSelect.of(kind, Shape.EXPORT, filter.sort() == Filter.Sort.DISTANCE).fields();
        run(filter, method, new ExportResponse<>(response, ExportFormat.GEOPACKAGE,
                fileName(ExportFormat.GEOPACKAGE, filter), LicenceLinks.urls(licences),
                body -> new GeoPackageWriter(body, kind, fields, licences)));
    }

    /** The filter, checked, once its matches are known to fit in an export. */
    private Filter check(RecordKind kind, FilterParams params) {
        Filter filter = filters.parse(kind, params);
        long matched = pages.count(filter, limits.exportMaxRows() + 1); // enough to know it is too many
        if (matched > limits.exportMaxRows()) {
            throw ExportRefusal.tooLarge(limits.exportMaxRows());
        }
        return filter;
    }

    private static String fileName(ExportFormat format, Filter filter) {
        return format.fileName(filter, LocalDate.now(PARIS));
    }

    private void run(Filter filter, HttpMethod method, ExportResponse<RecordFeature> out) throws IOException {
        run(method, out, sink -> query.stream(filter, sink));
    }

    /** Reads the rows of an export into its response. */
    @FunctionalInterface
    private interface Rows<R> {
        void into(ExportResponse<R> out);
    }

    private <R> void run(HttpMethod method, ExportResponse<R> out, Rows<R> rows) throws IOException {
        if (method == HttpMethod.HEAD) {
            out.headersOnly(); // download managers ask before they download: no need to read the rows twice
            return;
        }
        String fileName = out.fileName();
        ExportSlots.Slot slot = slots.take();
        try {
            long start = System.nanoTime();
            try {
                rows.into(out);
                out.finish();
                log.info("Exported {} rows to {} in {} ms", out.rows(), fileName, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | IOException e) {
                if (!out.started()) {
                    throw e; // nothing sent yet: answered as problem details like any request
                }
                if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                    log.info("Export {} stopped: the client went away", fileName);
                    return;
                }
                throw new ExportCutShort(fileName, out.rows(), e);
            }
        } finally {
            out.close();
            slot.close();
        }
    }

    /**
     * Rethrown to the servlet container, past the application's problem handler: problem details
     * written now would be appended to the file, which would then end as if complete.
     */
    @ExceptionHandler(ExportCutShort.class)
    void cutShort(ExportCutShort e) {
        throw e;
    }
}
