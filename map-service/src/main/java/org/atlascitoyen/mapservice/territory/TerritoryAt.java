package org.atlascitoyen.mapservice.territory;

import java.util.List;

/**
 * Answer of {@code /api/territories/at}: the point asked about and the territories containing
 * it, smallest first (commune, EPCI, PETR, bassin de vie, département, région, QPV, PNR); empty
 * when no commune of the region contains it.
 */
public record TerritoryAt(double lon, double lat, List<TerritoryRef> territories) {
}
