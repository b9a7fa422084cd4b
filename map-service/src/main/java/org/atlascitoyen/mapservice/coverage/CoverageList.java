package org.atlascitoyen.mapservice.coverage;

import java.util.List;

/** A coverage as plain JSON ({@code format=json}): the same figures, without geometries. */
public record CoverageList(CoverageSummary summary, List<Coverage> territories) {
}
