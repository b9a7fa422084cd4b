package org.atlascitoyen.importers.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coordinates checked against the bounding box of Occitanie. */
class CoordinatesTest {

    private static final Coordinates OCCITANIE = new Coordinates(-0.32688, 42.33305, 4.84555, 45.04667);
    private static final Coordinates.Point CAPITOLE = new Coordinates.Point(1.444, 43.6045, false);

    @ParameterizedTest(name = "latitude \"{0}\", longitude \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            43.6045     | 1.4440
            43,6045     | 1,4440
            ' 43.6045 ' | ' 1.444 '
            43.6045°    | 1.444°
            +43.6045    | 1.4440
            """)
    void readsDecimalPointsAndCommas(String latitude, String longitude) throws Exception {
        assertThat(OCCITANIE.read(latitude, longitude)).isEqualTo(CAPITOLE);
    }

    @Test
    void aPairOutsideTheRegionThatFitsOnceSwappedIsSwapped() throws Exception {
        assertThat(OCCITANIE.read("1.4440", "43.6045")).isEqualTo(new Coordinates.Point(1.444, 43.6045, true));
        assertThat(OCCITANIE.read("1,444", "43,6045")).isEqualTo(new Coordinates.Point(1.444, 43.6045, true));
        assertThat(OCCITANIE.of(43.6045, 1.444)).isEqualTo(new Coordinates.Point(1.444, 43.6045, true));
    }

    @Test
    void aPairInsideTheRegionIsNeverSwapped() throws Exception {
        assertThat(OCCITANIE.of(1.444, 43.6045)).isEqualTo(CAPITOLE);
        // 2°E 44°N and 44°E 2°N: only the first is in the region.
        assertThat(OCCITANIE.read("44", "2")).isEqualTo(new Coordinates.Point(2, 44, false));
    }

    @Test
    void aValidPointOutsideTheRegionIsKeptAsGivenForTheImportToDecide() throws Exception {
        assertThat(OCCITANIE.read("48.8566", "2.3522")).isEqualTo(new Coordinates.Point(2.3522, 48.8566, false));
        // Swapped, Paris is not in the region either: left as given.
        assertThat(OCCITANIE.read("2.3522", "48.8566")).isEqualTo(new Coordinates.Point(48.8566, 2.3522, false));
    }

    @Test
    void zeroZeroAndEmptyCellsMeanNoCoordinates() throws Exception {
        assertThat(OCCITANIE.read("0", "0")).isNull();
        assertThat(OCCITANIE.read("0,0", "0.000")).isNull();
        assertThat(OCCITANIE.read("", " ")).isNull();
        assertThat(OCCITANIE.read(null, null)).isNull();
        assertThat(OCCITANIE.readPair("0,0")).isNull();
        assertThat(OCCITANIE.readPair(" ")).isNull();
        assertThat(OCCITANIE.of(0, 0)).isNull();
    }

    @Test
    void onlyOneOfTheTwoIsUnreadable() {
        assertThatThrownBy(() -> OCCITANIE.read("43.6045", ""))
                .isInstanceOf(Coordinates.Unreadable.class)
                .hasMessage("only one of latitude and longitude: '43.6045', ''");
    }

    @Test
    void textIsNotANumber() {
        assertThatThrownBy(() -> OCCITANIE.read("abc", "1.444"))
                .isInstanceOf(Coordinates.Unreadable.class).hasMessage("not a number: 'abc'");
        assertThatThrownBy(() -> OCCITANIE.read("43°36'16\"N", "1°26'38\"E"))
                .isInstanceOf(Coordinates.Unreadable.class).hasMessageStartingWith("not a number");
    }

    @ParameterizedTest(name = "latitude \"{0}\", longitude \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            NaN       | 1.444
            43.6045   | NaN
            Infinity  | 1.444
            -Infinity | 1.444
            123       | 456
            43.6      | 181
            200       | 1.444
            """)
    void outOfRangeIsUnreadable(String latitude, String longitude) {
        assertThatThrownBy(() -> OCCITANIE.read(latitude, longitude))
                .isInstanceOf(Coordinates.Unreadable.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void aLatitudeBeyondNinetyThatIsNotASwapIsUnreadable() {
        assertThatThrownBy(() -> OCCITANIE.read("95", "1.444"))
                .isInstanceOf(Coordinates.Unreadable.class).hasMessage("latitude out of range: 95, 1.444");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            43.6045,1.4440
            '43.6045, 1.4440'
            43.6045;1.4440
            '43,6045 ; 1,4440'
            '43,6045 1,4440'
            '43.6045 1.4440'
            '43,6045,1,4440'
            ' 43.6045 , 1.4440 '
            """)
    void readsOneLatLonCellInItsCommonForms(String pair) throws Exception {
        assertThat(OCCITANIE.readPair(pair)).isEqualTo(CAPITOLE);
    }

    @Test
    void aSwappedPairInOneCellIsSwapped() throws Exception {
        assertThat(OCCITANIE.readPair("1.4440, 43.6045")).isEqualTo(new Coordinates.Point(1.444, 43.6045, true));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            43.6045
            43.6;1.4;2
            a b c
            43,6045,1
            """)
    void aCellThatIsNotTwoNumbersIsUnreadable(String pair) {
        assertThatThrownBy(() -> OCCITANIE.readPair(pair)).isInstanceOf(Coordinates.Unreadable.class);
    }
}
