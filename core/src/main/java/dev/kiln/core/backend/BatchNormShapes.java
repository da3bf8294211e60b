package dev.kiln.core.backend;

import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/** Axes and broadcast shape of batch normalisation's per-channel statistics (channels on axis 1). */
final class BatchNormShapes {
    private BatchNormShapes() {
    }

    /** Every axis but 1. */
    static int[] axes(int rank) {
        int[] a = new int[rank - 1];
        a[0] = 0;
        for (int d = 2; d < rank; d++) {
            a[d - 1] = d;
        }
        return a;
    }

    /** {@code [1, C, 1, ...]} for {@code x}. */
    static int[] channel(Tensor x) {
        int[] s = new int[x.rank()];
        Arrays.fill(s, 1);
        s[1] = x.shape()[1];
        return s;
    }
}
