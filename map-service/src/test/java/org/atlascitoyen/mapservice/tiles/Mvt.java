package org.atlascitoyen.mapservice.tiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of Mapbox Vector Tiles (specification 2.1) for the tests: the layers, their features,
 * properties and point geometries. A protobuf reader of some 150 lines written from the
 * specification rather than a dependency: the Java libraries for the format (no.ecc.vectortile,
 * whose README points to its own Maven repository; com.wdtinc's mapbox-vector-tile) bring a
 * protobuf runtime and JTS for what a test needs of a format this small, and an independent
 * reader checks the tiles against the specification rather than against a second encoder.
 * Public for the leak scan ({@code privacy.PrivacyLeakScanIT}), which reads every string of a tile.
 *
 * <p>Tile {layers = 3}; Layer {name = 1, features = 2, keys = 3, values = 4, extent = 5,
 * version = 15}; Feature {id = 1, tags = 2 (packed key/value indexes), type = 3, geometry = 4
 * (packed commands: MoveTo 1, LineTo 2, ClosePath 7, with zigzag-encoded deltas)}.
 */
public final class Mvt {

    /** The geometry type of a point feature. */
    static final int POINT = 1;

    public record Layer(String name, int version, int extent, List<Feature> features) {
    }

    /**
     * @param id     the feature id, null when absent
     * @param points the points of a (multi)point, in tile units from the top-left corner
     */
    public record Feature(Long id, int type, Map<String, Object> properties, List<int[]> points) {

        Object property(String name) {
            return properties.get(name);
        }

        /** Whether the (first) point lies in the tile itself, not in the buffer around it. */
        boolean inside(int extent) {
            int[] p = points.get(0);
            return p[0] >= 0 && p[0] < extent && p[1] >= 0 && p[1] < extent;
        }
    }

    private Mvt() {
    }

    public static List<Layer> decode(byte[] tile) {
        List<Layer> layers = new ArrayList<>();
        Reader reader = new Reader(ByteBuffer.wrap(tile));
        while (reader.more()) {
            int key = (int) reader.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                layers.add(layer(reader.message()));
            } else {
                reader.skip(key & 7);
            }
        }
        return layers;
    }

    private static Layer layer(Reader reader) {
        String name = null;
        int version = 1;
        int extent = 4096;
        List<Reader> features = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (reader.more()) {
            int key = (int) reader.varint();
            switch (key >>> 3) {
                case 1 -> name = reader.string();
                case 2 -> features.add(reader.message());
                case 3 -> keys.add(reader.string());
                case 4 -> values.add(value(reader.message()));
                case 5 -> extent = (int) reader.varint();
                case 15 -> version = (int) reader.varint();
                default -> reader.skip(key & 7);
            }
        }
        List<Feature> decoded = new ArrayList<>();
        for (Reader feature : features) {
            decoded.add(feature(feature, keys, values));
        }
        return new Layer(name, version, extent, decoded);
    }

    private static Object value(Reader reader) {
        Object value = null;
        while (reader.more()) {
            int key = (int) reader.varint();
            value = switch (key >>> 3) {
                case 1 -> reader.string();
                case 2 -> reader.buffer.order(ByteOrder.LITTLE_ENDIAN).getFloat();
                case 3 -> reader.buffer.order(ByteOrder.LITTLE_ENDIAN).getDouble();
                case 4, 5 -> reader.varint();
                case 6 -> zigzag(reader.varint());
                case 7 -> reader.varint() != 0;
                default -> throw new IllegalArgumentException("Unknown value field " + (key >>> 3));
            };
        }
        return value;
    }

    private static Feature feature(Reader reader, List<String> keys, List<Object> values) {
        Long id = null;
        int type = 0;
        List<Long> tags = List.of();
        List<Long> geometry = List.of();
        while (reader.more()) {
            int key = (int) reader.varint();
            switch (key >>> 3) {
                case 1 -> id = reader.varint();
                case 2 -> tags = reader.message().packed();
                case 3 -> type = (int) reader.varint();
                case 4 -> geometry = reader.message().packed();
                default -> reader.skip(key & 7);
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            properties.put(keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
        }
        return new Feature(id, type, properties, points(geometry));
    }

    /** The points of MoveTo commands (the vertices of lines and polygons are not needed here). */
    private static List<int[]> points(List<Long> commands) {
        List<int[]> points = new ArrayList<>();
        int x = 0;
        int y = 0;
        int i = 0;
        while (i < commands.size()) {
            int command = commands.get(i).intValue();
            int id = command & 7;
            int count = command >>> 3;
            i++;
            for (int n = 0; n < count && id != 7; n++) {
                x += (int) zigzag(commands.get(i++));
                y += (int) zigzag(commands.get(i++));
                if (id == 1) {
                    points.add(new int[] {x, y});
                }
            }
        }
        return points;
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** Protobuf wire format over a buffer. */
    private static final class Reader {

        private final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        boolean more() {
            return buffer.hasRemaining();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        Reader message() {
            int length = (int) varint();
            ByteBuffer slice = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            return new Reader(slice);
        }

        String string() {
            Reader bytes = message();
            return StandardCharsets.UTF_8.decode(bytes.buffer).toString();
        }

        List<Long> packed() {
            List<Long> values = new ArrayList<>();
            while (more()) {
                values.add(varint());
            }
            return values;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> buffer.position(buffer.position() + 8);
                case 2 -> message();
                case 5 -> buffer.position(buffer.position() + 4);
                default -> throw new IllegalArgumentException("Unknown wire type " + wireType);
            }
        }
    }
}
