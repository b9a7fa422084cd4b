package org.atlascitoyen.mapservice.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.junit.jupiter.api.Test;

/** Tile coordinates and the clustering grid, without a database. */
class TileTest {

    @Test
    void aTileIsCheckedAgainstItsZoom() {
        assertThat(Tile.of(0, 0, 0, 20)).hasToString("0/0/0");
        assertThat(Tile.of(14, 8257, 5982, 20)).isEqualTo(new Tile(14, 8257, 5982));
        assertBad(() -> Tile.of(21, 0, 0, 20), "z");
        assertBad(() -> Tile.of(-1, 0, 0, 20), "z");
        assertBad(() -> Tile.of(3, 8, 0, 20), "x");
        assertBad(() -> Tile.of(3, -1, 0, 20), "x");
        assertBad(() -> Tile.of(3, 0, 8, 20), "y");
    }

    @Test
    void aTileReadsItsCellsAndABufferAroundThem() {
        Grid window = Grid.window(new Tile(8, 129, 93));
        assertThat(window).isEqualTo(new Grid(8, 129 * 64 - 4, 130 * 64 + 3, 93 * 64 - 4, 94 * 64 + 3));
        assertThat(window.tileColumns()).containsExactly(128, 129, 130);
        assertThat(window.tileRows()).containsExactly(92, 93, 94);
        // At the edge of the world, no cell beyond it.
        assertThat(Grid.window(new Tile(0, 0, 0))).isEqualTo(new Grid(0, 0, 63, 0, 63));
        assertThat(Grid.window(new Tile(0, 0, 0)).tiles()).isEqualTo(1);
    }

    @Test
    void theCellsOfABoxAreTheCellsOfItsTiles() {
        // The box of tile 8/129/93, shrunk a little: exactly the cells of that tile.
        double n = 256;
        Filter.Bbox box = new Filter.Bbox(129 / n * 360 - 180 + 1e-6, latitude(94, n) + 1e-6, 130 / n * 360 - 180 - 1e-6,
                latitude(93, n) - 1e-6);
        assertThat(Grid.covering(8, box)).isEqualTo(new Grid(8, 129 * 64, 130 * 64 - 1, 93 * 64, 94 * 64 - 1));
        double[] bounds = Grid.covering(8, box).mercatorBounds();
        double tile = 2 * 20037508.342789244 / n;
        assertThat(bounds[0]).isCloseTo(129 * tile - 20037508.342789244, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(bounds[3]).isCloseTo(20037508.342789244 - 93 * tile, org.assertj.core.data.Offset.offset(1e-6));
        // Beyond the Web Mercator square, the grid stops at its edge.
        assertThat(Grid.covering(0, new Filter.Bbox(-180, -90, 180, 90))).isEqualTo(new Grid(0, 0, 63, 0, 63));
    }

    private static double latitude(int row, double n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * row / n))));
    }

    private static void assertBad(Runnable call, String parameter) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
