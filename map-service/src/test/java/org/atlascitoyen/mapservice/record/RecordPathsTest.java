package org.atlascitoyen.mapservice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;

class RecordPathsTest {

    @Test
    void theMappingsPatternListsEveryKindAndNothingElse() {
        String paths = Arrays.stream(RecordKind.values()).map(RecordKind::path).collect(Collectors.joining("|"));
        assertThat(RecordPaths.KIND).as("RecordPaths.KIND must list the paths of RecordKind, in its order")
                .isEqualTo("{recordKind:" + paths + "}");
    }
}
