package org.atlascitoyen.importers.territory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.load.CopyRows;
import org.atlascitoyen.importers.load.JsonStream;
import tools.jackson.databind.JsonNode;

/**
 * Reads each reference file into its staging table (see {@code sql/territory-import/staging.sql}) with
 * COPY, reading the files as streams. Each method returns the rows staged.
 */
final class TerritoryStaging {

    private final Connection connection;

    TerritoryStaging(Connection connection) {
        this.connection = connection;
    }

    /**
     * {@code communes.json} of decoupage-administratif: every commune of France, any status, with
     * the commune of a municipal arrondissement and the former codes of the communes it absorbed.
     */
    long communeList(Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_commune_list", "code", "name", "type", "chef_lieu", "parent",
                "departement", "region", "postcodes", "former_codes", "population")) {
            JsonStream.forEachObject(file, c -> rows.row(c.path("code").asString(null), c.path("nom").asString(null),
                    c.path("type").asString(null), c.path("chefLieu").asString(null), c.path("commune").asString(null),
                    c.path("departement").asString(null), c.path("region").asString(null),
                    texts(c.path("codesPostaux")), texts(c.path("anciensCodes")), integer(c.path("population"))));
            return rows.rows();
        }
    }

    /** {@code epci.json}: each EPCI and its member communes. */
    long epciList(Path file) throws IOException, SQLException {
        List<String[]> members = new ArrayList<>();
        long rows;
        // One COPY at a time on the connection: the EPCI's ends before their members' starts.
        try (CopyRows epci = new CopyRows(connection, "stage_epci", "code", "name", "category", "population")) {
            JsonStream.forEachObject(file, e -> {
                String code = e.path("code").asString(null);
                epci.row(code, e.path("nom").asString(null), e.path("type").asString(null),
                        integer(e.path("populationMunicipale")));
                e.path("membres").forEach(m -> members.add(new String[] {code, m.path("code").asString(null)}));
            });
            rows = epci.rows();
        }
        try (CopyRows member = new CopyRows(connection, "stage_epci_member", "epci_code", "commune_code")) {
            for (String[] m : members) {
                member.row((Object[]) m);
            }
        }
        return rows;
    }

    long departementList(Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_departement", "code", "name", "region")) {
            JsonStream.forEachObject(file, d -> rows.row(d.path("code").asString(null), d.path("nom").asString(null),
                    d.path("region").asString(null)));
            return rows.rows();
        }
    }

    long regionList(Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_region", "code", "name")) {
            JsonStream.forEachObject(file, r -> rows.row(r.path("code").asString(null), r.path("nom").asString(null)));
            return rows.rows();
        }
    }

    /**
     * Polygons of one kind from GeoJSON. Properties read: {@code code} and {@code nom}, and
     * {@code communes} (space-separated INSEE codes) for zonings that do not follow communes.
     */
    long shapes(String kind, Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_shape", "kind", "feature", "code", "name", "communes", "geojson")) {
            GeoJsonFeatures.read(file, f -> {
                String communes = f.text("communes");
                rows.row(kind, f.number(), f.text("code"), f.text("nom"),
                        communes == null ? null : Arrays.asList(communes.trim().split("\\s+")), f.geometryJson());
            });
            return rows.rows();
        }
    }

    /** INSEE's table of communes and their bassin de vie 2022 (columns code_commune, bv2022, bv2022_nom). */
    long bassinsDeVie(Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_bassin_vie", "line", "commune_code", "code", "name");
             CSVParser csv = csv(file, "code_commune", "bv2022", "bv2022_nom")) {
            for (CSVRecord r : csv) {
                rows.row(r.getRecordNumber() + 1, r.get("code_commune"), r.get("bv2022"), r.get("bv2022_nom"));
            }
            return rows.rows();
        }
    }

    /** PETR composition, one row per (PETR, member EPCI): petr_code, petr_nom, epci_siren[, source]. */
    long petr(Path file) throws IOException, SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_petr", "line", "code", "name", "epci_code", "source");
             CSVParser csv = csv(file, "petr_code", "petr_nom", "epci_siren")) {
            for (CSVRecord r : csv) {
                rows.row(r.getRecordNumber() + 1, r.get("petr_code"), r.get("petr_nom"), r.get("epci_siren"),
                        r.isMapped("source") ? r.get("source") : null);
            }
            return rows.rows();
        }
    }

    /** The former codes of a kind named by the manifest, with their names (matched to today's). */
    long formerCodes(String kind, SourceManifest.FormerCodes former) throws SQLException {
        try (CopyRows rows = new CopyRows(connection, "stage_former_code", "kind", "code", "name", "vintage", "reason")) {
            for (var code : former.names().entrySet()) {
                rows.row(kind, code.getKey(), code.getValue(), former.vintage(), former.reason());
            }
            return rows.rows();
        }
    }

    private static CSVParser csv(Path file, String... requiredColumns) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(reader);
        List<String> missing = Arrays.stream(requiredColumns).filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            parser.close();
            throw new TerritoryImportException(file + ": missing column(s) " + String.join(", ", missing)
                    + " in the header line (found: " + String.join(", ", parser.getHeaderNames()) + ")");
        }
        return parser;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }
}
