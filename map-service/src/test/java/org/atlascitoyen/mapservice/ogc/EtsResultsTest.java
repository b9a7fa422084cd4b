package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** OgcEtsIT reads the suite's results right: a failure fails, a skip for lack of a path is told from an empty box. */
class EtsResultsTest {

    @Test
    void failuresAndSkipsForLackOfAPathAreToldFromSkipsOfAnEmptyBox() throws Exception {
        EtsResults results = EtsResults.read(Path.of(EtsResultsTest.class.getResource("/ogc-ets/fail-and-skips.xml").toURI()));

        assertThat(results.passed()).containsExactly("validateFeaturesWithBoundingBoxOperation");
        assertThat(results.failed()).hasSize(1).allSatisfy((test, message) -> {
            assertThat(test).startsWith("boundingBoxParameterDefinition").contains("collectionId=actors");
            assertThat(message).contains("maxItems");
        });
        assertThat(results.skipped()).hasSize(2);
        assertThat(results.skippedForLackOfAPath()).singleElement().asString()
                .startsWith("verifyFeaturesPathGeometriesDefaultCrs").contains("Could not find url");
        assertThat(results.closingLine()).isEqualTo("1 passed, 1 failed, 2 skipped");
    }
}
