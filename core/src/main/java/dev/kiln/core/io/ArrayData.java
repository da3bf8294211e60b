package dev.kiln.core.io;

import dev.kiln.core.tensor.Shape;
import dev.kiln.core.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One array of a safetensors file as it lies on disk: element type, shape and little-endian
 * bytes. Conversions to and from Java arrays are exact; {@link #toTensor()} is for F32 only.
 */
public record ArrayData(DType dtype, int[] shape, byte[] bytes) {
    public ArrayData {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long numel = Shape.numel(shape);
        if (bytes.length != numel * dtype.bytes()) {
            throw new IllegalArgumentException("array of shape " + Shape.str(shape) + " " + dtype + " needs "
                    + numel * dtype.bytes() + " bytes, got " + bytes.length);
        }
    }

    public static ArrayData of(Tensor t) {
        float[] v = t.contiguous().toArray();
        ByteBuffer b = buffer(4L * v.length);
        b.asFloatBuffer().put(v);
        return new ArrayData(DType.F32, t.shape(), b.array());
    }

    public static ArrayData of(float[] values, int... shape) {
        ByteBuffer b = buffer(4L * values.length);
        b.asFloatBuffer().put(values);
        return new ArrayData(DType.F32, shapeOr(shape, values.length), b.array());
    }

    public static ArrayData of(double[] values, int... shape) {
        ByteBuffer b = buffer(8L * values.length);
        b.asDoubleBuffer().put(values);
        return new ArrayData(DType.F64, shapeOr(shape, values.length), b.array());
    }

    public static ArrayData of(int[] values, int... shape) {
        ByteBuffer b = buffer(4L * values.length);
        b.asIntBuffer().put(values);
        return new ArrayData(DType.I32, shapeOr(shape, values.length), b.array());
    }

    public static ArrayData of(long[] values, int... shape) {
        ByteBuffer b = buffer(8L * values.length);
        b.asLongBuffer().put(values);
        return new ArrayData(DType.I64, shapeOr(shape, values.length), b.array());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public long numel() {
        return Shape.numel(shape);
    }

    public double[] toDoubles() {
        double[] out = new double[(int) numel()];
        view(DType.F64).asDoubleBuffer().get(out);
        return out;
    }

    public float[] toFloats() {
        float[] out = new float[(int) numel()];
        view(DType.F32).asFloatBuffer().get(out);
        return out;
    }

    public int[] toInts() {
        int[] out = new int[(int) numel()];
        view(DType.I32).asIntBuffer().get(out);
        return out;
    }

    public long[] toLongs() {
        long[] out = new long[(int) numel()];
        view(DType.I64).asLongBuffer().get(out);
        return out;
    }

    public Tensor toTensor() {
        return Tensor.fromArray(toFloats(), shape);
    }

    private ByteBuffer view(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalArgumentException("array of dtype " + dtype + " read as " + wanted);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(long size) {
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("array of " + size + " bytes exceeds the 2 GB Kiln holds in one array");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] shapeOr(int[] shape, int length) {
        if (shape.length == 0) {
            return new int[] {length};
        }
        if (Shape.numel(shape) != length) {
            throw new IllegalArgumentException("shape " + Shape.str(shape) + " does not hold " + length + " values");
        }
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayData a && a.dtype == dtype && Arrays.equals(a.shape, shape) && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ArrayData[" + dtype + " " + Shape.str(shape) + "]";
    }
}
