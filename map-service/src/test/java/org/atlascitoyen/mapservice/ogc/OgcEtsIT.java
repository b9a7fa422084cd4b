package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;

/**
 * The OGC's executable test suite for OGC API Features (Part 1 core, GeoJSON, OpenAPI 3.0 and
 * Part 2 CRS; {@code ets-ogcapi-features10}) against the service on the demo data, as a
 * certification would run it. The build fails on any failed test, and on any skipped one except
 * those the data explain: the suite's fixed boxes over England, the equator, the poles and the
 * antimeridian hold no feature of the region. A skip for any other reason means the suite could
 * not find a path, a link or a feature it needed. Every conformance class claimed must have its
 * tests run and pass.
 *
 * <p>The suite is not on Maven Central: it is read from {@code ATLAS_OGC_ETS_DIR}, else from
 * {@code ../shared/tools/ogc-ets} beside the checkout, as the data directory is. Without it the
 * test fails rather than skips, so that CI cannot pass without the suite. The full TestNG
 * results stay in {@code target/ogc-ets/}.
 */
class OgcEtsIT extends DemoServiceIT {

    private static final String JAR = "ets-ogcapi-features10-aio.jar";

    /** A test of each conformance class claimed, which must have run and passed. */
    private static final Map<String, String> CLASS_TESTS = Map.of(
            "core", "validateFeaturesResponse_NumberMatched",
            "geojson", "validateFeaturesResponse_GeometryInCRS84",
            "oas30", "apiDefinitionValidation",
            "crs", "verifyFeaturesCrsParameterTransformWithCrsParameter",
            "bbox-crs", "verifyBboxCrsParameter",
            "storageCrs", "verifyCollectionCrsIdentifierOfStorageCrsProperty");

    @Test
    void theOgcSuitePassesWithNoSkipForLackOfAPath() throws Exception {
        Path out = Path.of("target", "ogc-ets").toAbsolutePath();
        deleteRecursively(out);
        Files.createDirectories(out);
        // No DOCTYPE: the suite would fetch the DTD from the internet.
        Path props = Files.writeString(out.resolve("test-run-props.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <properties version="1.0">
                  <entry key="iut">http://localhost:%d/ogc</entry>
                  <entry key="noofcollections">-1</entry>
                </properties>
                """.formatted(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", suite().toString(), "-o", out.toString(), props.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("ets.log").toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("The OGC suite took more than 20 minutes; see " + out.resolve("ets.log"));
        }
        assertThat(process.exitValue()).as("the suite's exit status; see " + out.resolve("ets.log")).isZero();

        EtsResults results = EtsResults.read(resultsFile(out));
        String closing = results.closingLine();
        System.out.println("OGC ETS: " + closing + " (" + out + ")");
        assertThat(results.failed()).as("failed tests (" + closing + ")").isEmpty();
        assertThat(results.skippedForLackOfAPath()).as("tests skipped for another reason than an empty box (" + closing
                + ")").isEmpty();
        CLASS_TESTS.forEach((conformance, test) ->
                assertThat(results.passed()).as("a test of " + conformance + " passed").contains(test));
    }

    /** The suite's jar: in ATLAS_OGC_ETS_DIR, else ../shared/tools/ogc-ets beside the checkout. */
    private static Path suite() {
        String configured = System.getenv("ATLAS_OGC_ETS_DIR");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getenv().getOrDefault("ATLAS_ROOT", "..")).toAbsolutePath().normalize()
                        .resolveSibling("shared").resolve("tools").resolve("ogc-ets");
        Path jar = dir.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            fail("The OGC test suite is not at " + jar + ": set ATLAS_OGC_ETS_DIR to the folder that holds " + JAR);
        }
        return jar;
    }

    private static Path resultsFile(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve("testng"))) {
            return files.filter(f -> f.getFileName().toString().equals("testng-results.xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("The suite wrote no testng-results.xml in " + out));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            Set<Path> all = new TreeSet<>(Comparator.reverseOrder());
            paths.forEach(all::add);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
