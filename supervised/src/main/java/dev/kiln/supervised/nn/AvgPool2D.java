package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/** Average pooling; see {@link Pool2D} for the windows and padding. */
public final class AvgPool2D extends Pool2D {
    /** Non-overlapping {@code kernel x kernel} windows (stride = kernel). */
    public AvgPool2D(int kernel) {
        this(kernel, kernel, 0);
    }

    public AvgPool2D(int kernel, int stride, int padding) {
        super(kernel, stride, padding);
    }

    @Override
    String kind() {
        return "AvgPool2D";
    }

    @Override
    Tensor reduce(Tensor x, int[] axes) {
        return x.mean(axes, false);
    }

    @Override
    float padValue() {
        return 0f;
    }
}
