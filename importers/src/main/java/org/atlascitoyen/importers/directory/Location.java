package org.atlascitoyen.importers.directory;

import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Where a row says it is: the territory it names ({@code epci:243100518}, or a level and a code in
 * two columns: {@link TerritoryReference}) and its point, from a latitude and a longitude or from
 * one "lat,lon" cell. The point is checked against the region ({@link Coordinates}): swapped
 * coordinates are put back in order, and coordinates that cannot be read leave the row to be
 * located by its commune, or reject it when it names none. Both are counted in the tally. Points
 * are rounded to 1e-7 degrees (about a centimetre).
 */
final class Location {

    private final FieldText text;
    private final TerritoryReference territories;
    private final Coordinates coordinates;
    private final Tally tally;

    Location(Mapping mapping, FieldText text, Coordinates coordinates, Tally tally) {
        this.text = text;
        this.territories = new TerritoryReference(mapping.rule(Field.TERRITORY_LEVEL).orElse(null));
        this.coordinates = coordinates;
        this.tally = tally;
    }

    /**
     * Sets the territory, the point and its note of a record whose commune, commune code and
     * postcode are already cleaned (they decide whether unreadable coordinates reject the row).
     */
    void locate(SourceRow row, CleanedRecord c) throws RejectedRow {
        territory(row, c);
        point(row, c);
    }

    private void territory(SourceRow row, CleanedRecord c) throws RejectedRow {
        String kindColonCode = text.line(row, Field.TERRITORY);
        TerritoryReference.Territory t = kindColonCode != null ? TerritoryReference.parse(kindColonCode)
                : territories.of(text.line(row, Field.TERRITORY_LEVEL), text.line(row, Field.TERRITORY_CODE)).orElse(null);
        if (t != null) {
            c.territoryKind = t.kind();
            c.territoryCode = t.code();
        }
    }

    private void point(SourceRow row, CleanedRecord c) throws RejectedRow {
        Coordinates.Point p;
        try {
            String pair = text.line(row, Field.LAT_LON);
            p = pair != null ? coordinates.readPair(pair) : coordinates.read(text.line(row, Field.LATITUDE), text.line(row, Field.LONGITUDE));
        } catch (Coordinates.Unreadable e) {
            if (c.communeCode == null && c.communeName == null && c.postcode == null && c.territoryKind == null) {
                throw new RejectedRow("bad coordinates", e.getMessage() + ", and no commune to fall back on");
            }
            tally.add("unreadable coordinates: located by commune");
            c.coordinatesNote = "unreadable";
            return;
        }
        if (p != null) {
            c.lon = round(p.lon());
            c.lat = round(p.lat());
            if (p.swapped()) {
                tally.add("latitude and longitude swapped: fixed");
                c.coordinatesNote = "swapped";
            }
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
