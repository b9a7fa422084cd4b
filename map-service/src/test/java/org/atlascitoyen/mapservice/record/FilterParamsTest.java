package org.atlascitoyen.mapservice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form of filter parameters, the part of ETags and cache keys that comes from the query. */
class FilterParamsTest {

    @Test
    void theSameSelectionWrittenOtherwiseHasOneCanonicalForm() {
        FilterParams a = new FilterParams(null, null, null, " epci:243100518 ", List.of("climat,alimentation"),
                List.of("association"), null, null, null, null, null, " jardin ", null, null, null, null);
        FilterParams b = new FilterParams("", null, null, "epci:243100518", List.of("alimentation", " climat", "climat", ""),
                List.of("association"), List.of(), null, null, null, null, "jardin", " ", null, null, null);
        assertThat(a.canonical()).isEqualTo(b.canonical())
                .isEqualTo("q=jardin&territory=epci:243100518&theme=alimentation,climat&type=association");
        assertThat(FilterParams.NONE.canonical()).isEmpty();
        assertThat(new FilterParams("0,42,5,46", "1.44,43.6", "500", null, null, null, List.of("idee"), null, null, null, null, null, "2026-01-01",
                null, null, null)
                .canonical()).isEqualTo("bbox=0,42,5,46&near=1.44,43.6&radius=500&status=idee&updatedSince=2026-01-01");
    }

    @Test
    void rolesSelectPersonsAndStayInTheCanonicalForm() {
        FilterParams params = new FilterParams(null, null, null, "commune:31555", null, null, null,
                List.of("referent, facilitateur"), null, null, null, null, null, null, null, null);
        assertThat(params.canonical()).isEqualTo("role=facilitateur,referent&territory=commune:31555");
        assertThat(params.category("role")).containsExactly("referent, facilitateur");
        assertThat(params.onlyCategoryOf(org.atlascitoyen.importers.record.RecordKind.ACTOR).role()).isNull();
        assertThat(params.onlyCategoryOf(org.atlascitoyen.importers.record.RecordKind.PERSON).role()).isNotNull();
    }

    @Test
    void aTileDropsTheBbox() {
        FilterParams params = new FilterParams("0,42,5,46", null, null, null, List.of("climat"), null, null, null, null, null, null, null, null, null, null,
                List.of("qpv"));
        assertThat(params.withoutBbox().canonical()).isEqualTo("territoryType=qpv&theme=climat");
    }
}
