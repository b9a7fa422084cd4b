package org.atlascitoyen.mapservice.coverage;

import java.util.List;

/**
 * What the coverage query gives: one entry per listed territory, in code order, with its display
 * geometry when asked, and the matching records that no listed territory holds.
 */
record CoverageTable(CoverageLevel level, List<Entry> entries, CoverageSummary.Unassigned unassigned) {

    /** A territory's coverage and its GeoJSON geometry (null when not asked for, or unknown). */
    record Entry(Coverage coverage, String geometry) {
    }

    /** The totals: the listed territories' counts plus the unassigned ones. */
    CoverageSummary summary(String filter) {
        long actors = unassigned.actors();
        long initiatives = unassigned.initiatives();
        int zonesBlanches = 0;
        for (Entry entry : entries) {
            actors += entry.coverage().actors();
            initiatives += entry.coverage().initiatives();
            zonesBlanches += entry.coverage().zoneBlanche() ? 1 : 0;
        }
        return new CoverageSummary(level.key(), filter, entries.size(), actors, initiatives, zonesBlanches, unassigned);
    }

    CoverageCollection collection(String filter) {
        return new CoverageCollection(summary(filter), entries.stream()
                .map(e -> new CoverageFeature(level.key() + ":" + e.coverage().code(), e.coverage(), e.geometry()))
                .toList());
    }

    CoverageList list(String filter) {
        return new CoverageList(summary(filter), entries.stream().map(Entry::coverage).toList());
    }
}
