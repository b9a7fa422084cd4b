package org.atlascitoyen.mapservice.tiles;

import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * A tile of the Web Mercator tile grid (the XYZ scheme of OpenStreetMap and Mapbox): zoom
 * {@code z}, column {@code x} from the west, row {@code y} from the north.
 */
public record Tile(int z, int x, int y) {

    /** The tile of a request, or a 400 naming the first parameter out of range. */
    public static Tile of(int z, int x, int y, int maxZoom) {
        if (z < 0 || z > maxZoom) {
            throw new BadParameterException("z", "z is a zoom from 0 to " + maxZoom + ", got " + z);
        }
        int last = (1 << z) - 1;
        if (x < 0 || x > last) {
            throw new BadParameterException("x", "x is a tile column from 0 to " + last + " at zoom " + z + ", got " + x);
        }
        if (y < 0 || y > last) {
            throw new BadParameterException("y", "y is a tile row from 0 to " + last + " at zoom " + z + ", got " + y);
        }
        return new Tile(z, x, y);
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
