package dev.kiln.reinforcement.env;

import dev.kiln.core.tensor.Rng;
import java.util.Arrays;

/**
 * A float vector of fixed length whose elements lie in {@code [low[i], high[i]]}: (row, col)
 * coordinates, one-hot cells, continuous sensor readings.
 */
public final class Box implements Space<float[]> {
    private final float[] low;
    private final float[] high;

    public Box(float[] low, float[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("Box: low and high must have the same positive length, got "
                    + low.length + " and " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box: low[" + i + "] = " + low[i] + " is above high[" + i + "] = " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** {@code size} elements, each in {@code [low, high]}. */
    public static Box uniform(int size, float low, float high) {
        float[] lo = new float[size];
        float[] hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    @Override
    public boolean contains(float[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (!(value[i] >= low[i] && value[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public float[] sample(Rng rng) {
        float[] v = new float[low.length];
        for (int i = 0; i < v.length; i++) {
            if (Float.isInfinite(low[i]) || Float.isInfinite(high[i])) {
                throw new IllegalStateException("Box.sample: dimension " + i + " is unbounded ["
                        + low[i] + ", " + high[i] + "]");
            }
            v[i] = (float) (low[i] + (high[i] - low[i]) * rng.nextDouble());
        }
        return v;
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(" + low.length + ")";
    }
}
