package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** Max pooling; see {@link Pool2D} for the windows, padding and ties. */
public final class MaxPool2D extends Pool2D {
    /** Non-overlapping {@code kernel x kernel} windows (stride = kernel). */
    public MaxPool2D(int kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2D(int kernel, int stride, int padding) {
        super(kernel, stride, padding);
    }

    @Override
    String kind() {
        return "MaxPool2D";
    }

    @Override
    Tensor reduce(Tensor x, int[] axes) {
        // core's max takes one axis at a time; reduce the last axis first so the others keep their index
        Tensor r = x;
        for (int i = axes.length - 1; i >= 0; i--) {
            r = r.max(axes[i], false);
        }
        return r;
    }

    @Override
    float padValue() {
        return Float.NEGATIVE_INFINITY;
    }
}
