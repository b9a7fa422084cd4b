package org.atlascitoyen.mapservice.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The most recently used rendered tiles, in memory up to {@code atlas.tile-cache-megabytes}.
 * Keyed by the tile's ETag, which already names the data version, the dataset, z/x/y and the
 * normalised filter: after an import, tiles of the previous version are simply no longer asked
 * for and leave as new ones come. Two requests for the same missing tile may both render it.
 */
@Component
class TileCache {

    private final long maxBytes;
    private final Map<String, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    @Autowired
    TileCache(AtlasProperties limits) {
        this(limits.tileCacheMegabytes() * 1024L * 1024L);
    }

    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The tile under this key, rendered and kept when absent; a null key is never cached. */
    byte[] get(String key, Supplier<byte[]> render) {
        if (key == null || maxBytes <= 0) {
            return render.get();
        }
        synchronized (this) {
            byte[] tile = tiles.get(key);
            if (tile != null) {
                return tile;
            }
        }
        byte[] tile = render.get();
        put(key, tile);
        return tile;
    }

    /** Bytes of the tiles held. */
    synchronized long bytes() {
        return bytes;
    }

    private synchronized void put(String key, byte[] tile) {
        if (tile.length > maxBytes) {
            return;
        }
        byte[] previous = tiles.put(key, tile);
        bytes += tile.length - (previous == null ? 0 : previous.length);
        Iterator<byte[]> eldest = tiles.values().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }
}
