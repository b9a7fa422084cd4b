package org.atlascitoyen.mapservice.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tile cache keeps the most recently used tiles within its size. */
class TileCacheTest {

    @Test
    void keepsTheMostRecentlyUsedTilesWithinItsSize() {
        TileCache cache = new TileCache(10);
        AtomicInteger renders = new AtomicInteger();
        cache.get("a", () -> render(renders, 4));
        cache.get("b", () -> render(renders, 4));
        cache.get("a", () -> render(renders, 4)); // a is now the most recent
        assertThat(renders).hasValue(2);
        cache.get("c", () -> render(renders, 4)); // 12 bytes: b, the least recent, leaves
        assertThat(cache.bytes()).isEqualTo(8);
        cache.get("a", () -> render(renders, 4));
        assertThat(renders).hasValue(3);
        cache.get("b", () -> render(renders, 4));
        assertThat(renders).hasValue(4);
        // Empty tiles are kept too; a tile larger than the cache is not; without a key nothing is.
        cache.get("empty", () -> render(renders, 0));
        cache.get("empty", () -> render(renders, 0));
        assertThat(renders).hasValue(5);
        cache.get("huge", () -> render(renders, 11));
        cache.get(null, () -> render(renders, 1));
        cache.get(null, () -> render(renders, 1));
        assertThat(renders).hasValue(8);
        assertThat(cache.bytes()).isLessThanOrEqualTo(10);
    }

    @Test
    void aCacheOfNoBytesRendersEveryTime() {
        TileCache cache = new TileCache(0);
        AtomicInteger renders = new AtomicInteger();
        cache.get("a", () -> render(renders, 1));
        cache.get("a", () -> render(renders, 1));
        assertThat(renders).hasValue(2);
    }

    private static byte[] render(AtomicInteger renders, int size) {
        renders.incrementAndGet();
        return new byte[size];
    }
}
