package org.atlascitoyen.mapservice.tiles;

import java.util.List;
import java.util.stream.IntStream;
import org.atlascitoyen.mapservice.record.Filter;

/**
 * A rectangle of the clustering grid of one zoom: at zoom z a tile is cut in {@link #CELLS} x
 * {@link #CELLS} cells, so the world is {@code 2^(z+6)} cells across, counted from the west
 * ({@code gx}) and from the north ({@code gy}), as {@code map_grid} does in the database (V5).
 * A tile reads the cells of its window: its own and {@link #BUFFER_CELLS} around it, so that a
 * cluster near an edge is drawn whole on both sides.
 */
public record Grid(int zoom, int minGx, int maxGx, int minGy, int maxGy) {

    /** Cells across a tile: 64 cells of 64 units in the 4096 of a vector tile. */
    public static final int CELLS = 64;
    /** Units across a vector tile. */
    public static final int EXTENT = 4096;
    /** Cells drawn around a tile (256 units, PostGIS's default buffer). */
    public static final int BUFFER_CELLS = 4;

    private static final double HALF_WORLD = 20037508.342789244;
    private static final double MAX_LATITUDE = 85.0511287798066;

    /** The window of a tile: its cells and the buffer around them, within the world. */
    public static Grid window(Tile tile) {
        int last = (CELLS << tile.z()) - 1;
        int x = tile.x() * CELLS;
        int y = tile.y() * CELLS;
        return new Grid(tile.z(), Math.max(0, x - BUFFER_CELLS), Math.min(last, x + CELLS - 1 + BUFFER_CELLS),
                Math.max(0, y - BUFFER_CELLS), Math.min(last, y + CELLS - 1 + BUFFER_CELLS));
    }

    /** The cells of a zoom that meet a box. */
    public static Grid covering(int zoom, Filter.Bbox box) {
        int last = (CELLS << zoom) - 1;
        return new Grid(zoom, cell(x(box.minLon()), zoom, last), cell(x(box.maxLon()), zoom, last),
                cell(-y(box.maxLat()), zoom, last), cell(-y(box.minLat()), zoom, last));
    }

    /** Tile columns the window reads. */
    public List<Integer> tileColumns() {
        return IntStream.rangeClosed(minGx / CELLS, maxGx / CELLS).boxed().toList();
    }

    /** Tile rows the window reads. */
    public List<Integer> tileRows() {
        return IntStream.rangeClosed(minGy / CELLS, maxGy / CELLS).boxed().toList();
    }

    /** Tiles the window spans (counted, not listed: a whole-world box at zoom 20 spans 10^12). */
    public long tiles() {
        return (long) (maxGx / CELLS - minGx / CELLS + 1) * (maxGy / CELLS - minGy / CELLS + 1);
    }

    /** Web Mercator (EPSG:3857) bounds of the window: west, south, east, north, in metres. */
    public double[] mercatorBounds() {
        double size = 2 * HALF_WORLD / ((double) CELLS * (1L << zoom));
        return new double[] {minGx * size - HALF_WORLD, HALF_WORLD - (maxGy + 1) * size,
            (maxGx + 1) * size - HALF_WORLD, HALF_WORLD - minGy * size};
    }

    private static int cell(double mercator, int zoom, int last) {
        double cells = (double) CELLS * (1L << zoom);
        int cell = (int) Math.floor((mercator + HALF_WORLD) / (2 * HALF_WORLD) * cells);
        return Math.max(0, Math.min(last, cell));
    }

    private static double x(double lon) {
        return lon * HALF_WORLD / 180;
    }

    private static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * HALF_WORLD / Math.PI;
    }
}
