package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.atlascitoyen.importers.locate.Coordinates;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;

/** The territory and the point of a row, checked against the bounding box of Occitanie. */
class LocationTest {

    private static final Coordinates OCCITANIE = new Coordinates(-0.32688, 42.33305, 4.84555, 45.04667);

    private final Tally tally = new Tally();
    private final Location location = new Location(Mapping.empty("test"), new FieldText(Mapping.empty("test")), OCCITANIE, tally);

    @Test
    void aTerritoryIsKindColonCodeWithTheKindInLowerCaseAndTheCodeInUpperCase() throws Exception {
        CleanedRecord c = locate(new SourceRow(2).set(Field.TERRITORY, " EPCI : 243100518 "));
        CleanedRecord corse = locate(new SourceRow(3).set(Field.TERRITORY, "departement:2a"));

        assertThat(c.territoryKind + " " + c.territoryCode).isEqualTo("epci 243100518");
        assertThat(corse.territoryKind + " " + corse.territoryCode).isEqualTo("departement 2A");
    }

    @Test
    void aTerritoryOfAnUnknownKindOrWithoutKindRejectsTheRow() {
        assertThatThrownBy(() -> locate(new SourceRow(2).set(Field.TERRITORY, "zone:12")))
                .isInstanceOf(RejectedRow.class).hasMessage("bad territory")
                .extracting(e -> ((RejectedRow) e).detail()).asString()
                .startsWith("'zone:12' is not KIND:CODE with KIND one of").contains("epci", "bassin_vie", "qpv");
        assertThatThrownBy(() -> locate(new SourceRow(2).set(Field.TERRITORY, "epci 243100518")))
                .isInstanceOf(RejectedRow.class).hasMessage("bad territory");
    }

    @Test
    void aTerritoryMayBeALevelColumnAndACodeColumn() throws Exception {
        CleanedRecord c = locate(new SourceRow(2).set(Field.TERRITORY_LEVEL, " Département ").set(Field.TERRITORY_CODE, "9"));

        assertThat(c.territoryKind + " " + c.territoryCode).isEqualTo("departement 09");
        assertThatThrownBy(() -> locate(new SourceRow(2).set(Field.TERRITORY_LEVEL, "canton").set(Field.TERRITORY_CODE, "3115")))
                .isInstanceOf(RejectedRow.class).hasMessage("bad territory");
        assertThat(locate(new SourceRow(2).set(Field.TERRITORY_LEVEL, " ").set(Field.TERRITORY_CODE, "")).territoryKind).isNull();
    }

    @Test
    void aPointIsReadFromALatitudeAndALongitudeRoundedToTheSeventhDecimal() throws Exception {
        CleanedRecord c = locate(new SourceRow(2).set(Field.LATITUDE, "43,60452345678").set(Field.LONGITUDE, "1.44400000009"));

        assertThat(c.lat).isEqualTo(43.6045235);
        assertThat(c.lon).isEqualTo(1.444);
        assertThat(c.coordinatesNote).isNull();
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void aLatLonCellComesBeforeTheTwoColumns() throws Exception {
        CleanedRecord c = locate(new SourceRow(2).set(Field.LAT_LON, "43.6045, 1.444")
                .set(Field.LATITUDE, "44.0").set(Field.LONGITUDE, "2.0"));

        assertThat(c.lon + " " + c.lat).isEqualTo("1.444 43.6045");
    }

    @Test
    void swappedCoordinatesAreFixedNotedAndCounted() throws Exception {
        CleanedRecord c = locate(new SourceRow(2).set(Field.LATITUDE, "1.444").set(Field.LONGITUDE, "43.6045"));

        assertThat(c.lon + " " + c.lat).isEqualTo("1.444 43.6045");
        assertThat(c.coordinatesNote).isEqualTo("swapped");
        assertThat(tally.counts()).containsExactly(Map.entry("latitude and longitude swapped: fixed", Map.of("", 1L)));
    }

    @Test
    void noCoordinatesOrZeroZeroIsNoPoint() throws Exception {
        assertThat(locate(new SourceRow(2)).lat).isNull();
        CleanedRecord zero = locate(new SourceRow(2).set(Field.LATITUDE, "0").set(Field.LONGITUDE, "0"));

        assertThat(zero.lat).isNull();
        assertThat(zero.lon).isNull();
        assertThat(zero.coordinatesNote).isNull();
    }

    @Test
    void unreadableCoordinatesLeaveARowWithACommuneToBeLocatedByIt() throws Exception {
        for (String where : new String[] {"commune code", "commune name", "postcode", "territory"}) {
            SourceRow row = new SourceRow(2).set(Field.LATITUDE, "abc").set(Field.LONGITUDE, "1.444");
            CleanedRecord c = new CleanedRecord(2);
            switch (where) {
                case "commune code" -> c.communeCode = "31555";
                case "commune name" -> c.communeName = "Toulouse";
                case "postcode" -> c.postcode = "31000";
                default -> row.set(Field.TERRITORY, "commune:31555");
            }

            location.locate(row, c);

            assertThat(c.coordinatesNote).as(where).isEqualTo("unreadable");
            assertThat(c.lat).as(where).isNull();
        }
        assertThat(tally.counts()).containsExactly(Map.entry("unreadable coordinates: located by commune", Map.of("", 4L)));
    }

    @Test
    void unreadableCoordinatesRejectARowWithoutACommune() {
        assertThatThrownBy(() -> locate(new SourceRow(2).set(Field.LATITUDE, "abc").set(Field.LONGITUDE, "1.444")))
                .isInstanceOf(RejectedRow.class).hasMessage("bad coordinates")
                .extracting(e -> ((RejectedRow) e).detail())
                .isEqualTo("not a number: 'abc', and no commune to fall back on");
        assertThat(tally.counts()).isEmpty();
    }

    private CleanedRecord locate(SourceRow row) throws RejectedRow {
        CleanedRecord c = new CleanedRecord(row.line());
        location.locate(row, c);
        return c;
    }
}
