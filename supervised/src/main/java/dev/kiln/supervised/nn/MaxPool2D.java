package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/**
 * Max pooling; see {@link Pool2D} for the windows and padding.
 *
 * <p>Non-overlapping windows (kernel == stride, no padding: the usual {@code MaxPool2D(2)}) are
 * computed as PyTorch does, by the backend's fused {@code maxPool2d}: each window's winner (the
 * first maximum on ties; NaN wins) and its position in one pass, and a backward that scatters each
 * output gradient to exactly the element that won. That is one pass instead of a mask over the
 * whole input. Inputs of 2^24 elements or more (float index limit) and overlapping or padded
 * windows use a max-reduction instead, where tied elements share the gradient evenly.
 */
public final class MaxPool2D extends Pool2D {
    /** Float index tensors are exact below 2^24; larger inputs take the reduction path (a field so tests can lower it). */
    static long gatherLimit = 1L << 24;

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
    Tensor poolTiles(Tensor x, int n, int c, int ho, int wo, int k) {
        if ((long) n * c * ho * k * wo * k >= gatherLimit) {
            return super.poolTiles(x, n, c, ho, wo, k);
        }
        return x.maxPool2d(k); // the backend's winner search, values and positions in one pass
    }

    @Override
    float padValue() {
        return Float.NEGATIVE_INFINITY;
    }
}
