package org.incidentmap.tile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what tests need from a Mapbox Vector Tile (a protobuf: layers of features with tags into shared keys and
 * values): each layer's features as property maps. Geometry commands are skipped.
 */
public final class MvtReader {

    private final byte[] data;
    private int pos;

    private MvtReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    /** Features of every layer, by layer name. */
    public static Map<String, List<Map<String, Object>>> read(byte[] tile) {
        Map<String, List<Map<String, Object>>> layers = new HashMap<>();
        MvtReader r = new MvtReader(tile, 0);
        while (r.pos < tile.length) {
            long key = r.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                byte[] layer = r.bytes();
                readLayer(layer, layers);
            } else {
                r.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private static void readLayer(byte[] layer, Map<String, List<Map<String, Object>>> out) {
        MvtReader r = new MvtReader(layer, 0);
        String name = null;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<byte[]> features = new ArrayList<>();
        while (r.pos < layer.length) {
            long key = r.varint();
            int field = (int) (key >>> 3);
            if (field == 1) {
                name = new String(r.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2) {
                features.add(r.bytes());
            } else if (field == 3) {
                keys.add(new String(r.bytes(), StandardCharsets.UTF_8));
            } else if (field == 4) {
                values.add(value(r.bytes()));
            } else {
                r.skip((int) (key & 7));
            }
        }
        List<Map<String, Object>> read = new ArrayList<>();
        for (byte[] feature : features) {
            read.add(feature(feature, keys, values));
        }
        out.put(name, read);
    }

    private static Map<String, Object> feature(byte[] feature, List<String> keys, List<Object> values) {
        MvtReader r = new MvtReader(feature, 0);
        Map<String, Object> properties = new HashMap<>();
        while (r.pos < feature.length) {
            long key = r.varint();
            int field = (int) (key >>> 3);
            if (field == 1) {
                properties.put("$id", r.varint());
            } else if (field == 2) {
                byte[] tags = r.bytes();
                MvtReader t = new MvtReader(tags, 0);
                while (t.pos < tags.length) {
                    properties.put(keys.get((int) t.varint()), values.get((int) t.varint()));
                }
            } else {
                r.skip((int) (key & 7));
            }
        }
        return properties;
    }

    private static Object value(byte[] value) {
        MvtReader r = new MvtReader(value, 0);
        long key = r.varint();
        return switch ((int) (key >>> 3)) {
            case 1 -> new String(r.bytes(), StandardCharsets.UTF_8);
            case 2 -> Float.intBitsToFloat(r.fixed32());
            case 3 -> Double.longBitsToDouble(r.fixed64());
            case 4, 5 -> r.varint();
            case 6 -> { long z = r.varint(); yield (z >>> 1) ^ -(z & 1); }
            case 7 -> r.varint() != 0;
            default -> null;
        };
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = data[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
    }

    private byte[] bytes() {
        int length = (int) varint();
        byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return out;
    }

    private int fixed32() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (data[pos++] & 0xff) << (8 * i);
        }
        return v;
    }

    private long fixed64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (data[pos++] & 0xff) << (8 * i);
        }
        return v;
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int length = (int) varint(); // read before pos is added to: pos moves past the length
                pos += length;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
