package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;

/**
 * Max pooling; see {@link Pool2D} for the windows and padding.
 *
 * <p>Non-overlapping windows (kernel == stride, no padding: the usual {@code MaxPool2D(2)}) are
 * computed as PyTorch does: find each window's winner (no gradient; one pass over the values on
 * the host), then gather those elements with one {@code indexSelect}, whose backward scatters each
 * output gradient to exactly the element that won (the first maximum on ties; NaN wins). That is
 * one gather instead of a mask over the whole input in the backward pass. Without gradients
 * (evaluation) the values are taken on the host directly. Inputs of 2^24 elements or more that need
 * gradients (float index limit) and overlapping or padded windows use a max-reduction instead,
 * where tied elements share the gradient evenly.
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
        boolean needsGrad = Autograd.isEnabled() && x.requiresGrad();
        long numel = (long) n * c * ho * k * wo * k;
        if (needsGrad && numel >= gatherLimit) {
            return super.poolTiles(x, n, c, ho, wo, k);
        }
        // the winners are found on the host: one pass over the values, cheaper on every backend
        // than a strided permute + argmax; the gather that carries the gradient runs on the backend
        float[] v = x.detach().toArray();
        int[] winners = winners(v, n * c, ho, wo, k);
        if (!needsGrad) {
            float[] out = new float[winners.length];
            for (int m = 0; m < out.length; m++) {
                out[m] = v[winners[m]];
            }
            return Tensor.fromArray(x.backend(), out, n, c, ho, wo);
        }
        float[] index = new float[winners.length];
        for (int m = 0; m < index.length; m++) {
            index[m] = winners[m];
        }
        return x.reshape(-1).indexSelect(0, Tensor.fromArray(x.backend(), index, index.length)).reshape(n, c, ho, wo);
    }

    /** Flat position of each window's first maximum (NaN counts as the maximum, as argmax). */
    private static int[] winners(float[] v, int planes, int ho, int wo, int k) {
        int h = ho * k;
        int w = wo * k;
        int[] out = new int[planes * ho * wo];
        int m = 0;
        for (int plane = 0; plane < planes; plane++) {
            int start = plane * h * w;
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    int best = start + i * k * w + j * k;
                    float top = v[best];
                    for (int di = 0; di < k; di++) {
                        int row = start + (i * k + di) * w + j * k;
                        for (int dj = 0; dj < k; dj++) {
                            float candidate = v[row + dj];
                            // larger, or the first NaN; once the best is NaN it stays (one compare in the common case)
                            if (!(candidate <= top) && top == top) {
                                best = row + dj;
                                top = candidate;
                            }
                        }
                    }
                    out[m++] = best;
                }
            }
        }
        return out;
    }

    @Override
    float padValue() {
        return Float.NEGATIVE_INFINITY;
    }
}
