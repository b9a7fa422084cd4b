package org.atlascitoyen.importers.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.load.JsonStream;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The former codes the reference import maps to today's territories ({@code territory_alias}):
 * the 2015 QPV by area against the 2024 list, the PETR slugs by name against the BANATIC SIRENs.
 * What is expected is read from the two QPV files, the PETR file and the manifest.
 */
class TerritoryAliasIT {

    private static final Path DATA = TestDatabases.dataDirectory();
    private static final DataDirectory FILES = new DataDirectory(DATA, SourceManifest.load());

    private DatabaseConfig db;

    @TempDir
    Path variant;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.empty();
        Schema.migrate(db);
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(db);
    }

    @Test
    void every2015QpvMapsToThe2024QpvThatCoversItOrIsWithdrawn() throws Exception {
        TerritoryImportReport report = new TerritoryImport(db, FILES).run();
        Path current = FILES.find("qpv").orElseThrow().file();
        Path former = FILES.find("qpv-superseded").orElseThrow().file();
        List<JsonNode> formerFeatures = features(former);
        Set<String> currentCodes = codes(features(current));

        assertThat(report.sources()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("qpv-superseded");
            assertThat(s.vintage()).contains("superseded");
        });
        // Every former code has its rows; none is a current code.
        assertThat(query("SELECT code FROM territory_successor WHERE kind = 'qpv' ORDER BY code"))
                .containsExactlyElementsOf(new TreeSet<>(codes(formerFeatures)).stream().filter(c -> !currentCodes.contains(c)).toList());
        assertThat(report.aliases()).filteredOn(a -> a.kind().equals("qpv")).singleElement()
                .satisfies(a -> assertThat(a.total()).isEqualTo(formerFeatures.size()));

        // Withdrawn: exactly the 2015 QPV that no 2024 polygon touches (in these files none touches
        // one by less than the 5 % floor).
        List<String> untouched = untouched(former, current);
        assertThat(untouched).isNotEmpty();
        assertThat(query("SELECT code FROM territory_successor WHERE kind = 'qpv' AND successors = '{}' ORDER BY code"))
                .containsExactlyElementsOf(untouched.stream().sorted().toList());
        assertThat(query("SELECT DISTINCT vintage FROM territory_alias WHERE kind = 'qpv'"))
                .containsExactly(FILES.find("qpv-superseded").orElseThrow().vintage());

        // Mosson, in Montpellier: its 2015 polygon lies almost wholly in the 2024 Mosson.
        JsonNode mosson2015 = named(formerFeatures, "34172", "Mosson");
        JsonNode mosson2024 = named(features(current), "34172", "Mosson");
        assertThat(intersects(mosson2015, mosson2024)).isTrue();
        assertThat(query("SELECT array_to_string(successors, ','), (shares[1] > 0.9)::text FROM territory_successor "
                + "WHERE kind = 'qpv' AND code = '" + code(mosson2015) + "'"))
                .containsExactly(code(mosson2024) + " | true");
    }

    @Test
    void thePetrSlugsMapToTheSirenOfTheSamePetr() throws Exception {
        TerritoryImportReport report = new TerritoryImport(db, FILES).run();
        SourceManifest.FormerCodes former = FILES.manifest().source("petr").orElseThrow().formerCodes();
        Map<String, String> sirenByName = petrCodesByName(FILES.find("petr").orElseThrow().file());

        assertThat(former.names()).isNotEmpty();
        List<String> expected = former.names().entrySet().stream()
                .map(e -> e.getKey() + " | " + sirenByName.get(e.getValue())).sorted().toList();
        assertThat(expected).allSatisfy(line -> assertThat(line).matches(".* \\| \\d{9}"));
        assertThat(query("SELECT code, array_to_string(successors, ',') FROM territory_successor WHERE kind = 'petr' ORDER BY code"))
                .containsExactlyElementsOf(expected);
        assertThat(query("SELECT count(*) FROM territory WHERE kind = 'petr' AND code LIKE 'petr-%' AND code IN "
                + "(SELECT code FROM territory_alias)")).containsExactly("0");
        assertThat(report.aliases()).filteredOn(a -> a.kind().equals("petr")).singleElement()
                .satisfies(a -> assertThat(a.oneSuccessor()).isEqualTo(former.names().size()));
    }

    @Test
    void withoutThe2024FileThe2015ListIsTheOneInUseAndHasNoAliases() throws Exception {
        Path current = FILES.find("qpv").orElseThrow().file();
        try (var files = Files.list(DATA)) {
            for (Path file : files.toList()) {
                if (!file.equals(current)) {
                    Files.createSymbolicLink(variant.resolve(file.getFileName()), file);
                }
            }
        }
        TerritoryImportReport report = new TerritoryImport(db, new DataDirectory(variant, SourceManifest.load())).run();

        assertThat(report.missingKinds()).isEmpty();
        assertThat(report.sources()).noneSatisfy(s -> assertThat(s.kind()).isEqualTo("qpv-superseded"));
        assertThat(report.sources()).filteredOn(s -> s.kind().equals("qpv")).singleElement()
                .satisfies(s -> assertThat(s.vintage()).contains("2015"));
        assertThat(query("SELECT count(*) FROM territory_alias WHERE kind = 'qpv'")).containsExactly("0");
        assertThat(query("SELECT DISTINCT vintage FROM territory WHERE kind = 'qpv'")).singleElement().asString().contains("2015");
    }

    private static List<JsonNode> features(Path file) throws IOException {
        List<JsonNode> features = new ArrayList<>();
        JsonStream.MAPPER.readTree(file.toFile()).path("features").forEach(features::add);
        return features;
    }

    private static Set<String> codes(List<JsonNode> features) {
        return features.stream().map(TerritoryAliasIT::code).collect(Collectors.toSet());
    }

    private static String code(JsonNode feature) {
        return feature.path("properties").path("code").asString();
    }

    private static JsonNode named(List<JsonNode> features, String commune, String name) {
        return features.stream().filter(f -> f.path("properties").path("communes").asString().contains(commune)
                && f.path("properties").path("nom").asString().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No QPV " + name + " in " + commune));
    }

    /** Codes of the features of one file whose polygon meets none of the other file's (repaired as the import does). */
    private List<String> untouched(Path file, Path others) throws SQLException, IOException {
        List<String> codes = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("""
                WITH a AS (SELECT f -> 'properties' ->> 'code' AS code, ST_MakeValid(ST_GeomFromGeoJSON(f ->> 'geometry')) AS g
                           FROM json_array_elements(?::json -> 'features') f),
                     b AS (SELECT ST_MakeValid(ST_GeomFromGeoJSON(f ->> 'geometry')) AS g
                           FROM json_array_elements(?::json -> 'features') f)
                SELECT code FROM a WHERE NOT EXISTS (SELECT FROM b WHERE ST_Intersects(a.g, b.g)) ORDER BY code""")) {
            st.setString(1, Files.readString(file));
            st.setString(2, Files.readString(others));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    private boolean intersects(JsonNode a, JsonNode b) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT ST_Intersects(ST_MakeValid(ST_GeomFromGeoJSON(?)), ST_MakeValid(ST_GeomFromGeoJSON(?)))")) {
            st.setString(1, a.path("geometry").toString());
            st.setString(2, b.path("geometry").toString());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Map<String, String> petrCodesByName(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream().collect(Collectors.toMap(r -> r.get("petr_nom"), (CSVRecord r) -> r.get("petr_code"),
                    (a, b) -> a));
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }
}
