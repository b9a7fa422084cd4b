package org.atlascitoyen.mapservice.coverage;

/**
 * The totals of a coverage: the listed territories' counts plus {@code unassigned} equal the
 * {@code numberMatched} of /api/actors and /api/initiatives with the same filters.
 *
 * @param level         the level counted by
 * @param filter        the criteria in a few words ({@code theme-climat}), empty without
 * @param territories   territories listed
 * @param actors        every actor matching the filters
 * @param initiatives   every initiative matching the filters
 * @param zonesBlanches listed territories with no actor and no initiative
 * @param unassigned    matching records that no listed territory holds
 */
public record CoverageSummary(String level, String filter, int territories, long actors, long initiatives,
                              int zonesBlanches, Unassigned unassigned) {

    /**
     * Records without a key at this level (outside the region, or outside every PETR) or whose
     * territory is not listed (outside the territory filter's communes, for a QPV or PNR filter).
     */
    public record Unassigned(long actors, long initiatives) {
    }
}
