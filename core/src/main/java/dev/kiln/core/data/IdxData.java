package dev.kiln.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of one IDX file: element type, dimensions and the big-endian payload, kept as read
 * (a 60000x28x28 ubyte image file stays 47 MB instead of four times that as floats).
 */
public final class IdxData {
    private final Path file;
    private final IdxType type;
    private final int[] dims;
    private final ByteBuffer payload;

    IdxData(Path file, IdxType type, int[] dims, ByteBuffer payload) {
        this.file = file;
        this.type = type;
        this.dims = dims.clone();
        this.payload = payload.order(ByteOrder.BIG_ENDIAN);
    }

    public Path file() {
        return file;
    }

    public IdxType type() {
        return type;
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of items: the first dimension. */
    public int count() {
        return dims[0];
    }

    /** Elements per item: the product of the dimensions after the first. */
    public int itemSize() {
        int n = 1;
        for (int i = 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** Total number of elements. */
    public long elements() {
        return (long) count() * itemSize();
    }

    /** Element {@code i} (row-major) as a double; unsigned bytes come out as 0..255. */
    public double get(long i) {
        int at = Math.toIntExact(i * type.bytes());
        return switch (type) {
            case UBYTE -> payload.get(at) & 0xFF;
            case BYTE -> payload.get(at);
            case SHORT -> payload.getShort(at);
            case INT -> payload.getInt(at);
            case FLOAT -> payload.getFloat(at);
            case DOUBLE -> payload.getDouble(at);
        };
    }

    /** The raw bytes of a {@link IdxType#UBYTE} file (images, labels), without copying into floats. */
    public byte[] unsignedBytes() {
        if (type != IdxType.UBYTE) {
            throw new IllegalStateException("IDX file " + file + " holds " + type + ", not UBYTE");
        }
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    public float[] toFloatArray() {
        float[] out = new float[Math.toIntExact(elements())];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) get(i);
        }
        return out;
    }

    /** Elements as ints; fails naming the element if one is not integral (labels must be). */
    public int[] toIntArray() {
        int[] out = new int[Math.toIntExact(elements())];
        for (int i = 0; i < out.length; i++) {
            double v = get(i);
            if (v != Math.rint(v)) {
                throw new IllegalStateException("IDX file " + file + ": element " + i + " is " + v + ", not an integer");
            }
            out[i] = (int) v;
        }
        return out;
    }

    @Override
    public String toString() {
        return "IdxData(" + file.getFileName() + ", " + type + ", " + Arrays.toString(dims) + ")";
    }
}
