package dev.kiln.supervised.nn;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.List;

/**
 * Sliding windows over {@code [N, C, H, W]} as one {@code indexSelect} (see docs/adr/0006-layers.md).
 * The input is laid out channels-last as rows {@code [N, H*W, C]}, so the gather copies whole
 * rows of {@code C} floats (one row per kernel tap) rather than single floats. A window position
 * outside the image (padding) points at one extra row appended to the input, filled with the pad
 * value (0 for convolution and average pooling, -inf for max pooling). The gather index depends
 * only on the image size and is cached. Autograd differentiates the gather with {@code indexAdd},
 * which is col2im.
 */
final class Im2Col {
    private final int kh;
    private final int kw;
    private final int stride;
    private final int padding;
    private int cachedH = -1;
    private int cachedW = -1;
    private Backend cachedBackend;
    private Tensor cachedIndex;

    Im2Col(int kh, int kw, int stride, int padding) {
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padding = padding;
    }

    static int outSize(int in, int kernel, int stride, int padding) {
        return (in + 2 * padding - kernel) / stride + 1;
    }

    /** The windows as {@code [N, Ho*Wo, kh*kw, C]}: position, kernel tap (row-major), channel. */
    Tensor apply(Tensor x, float padValue) {
        int n = x.shape(0);
        int c = x.shape(1);
        int h = x.shape(2);
        int w = x.shape(3);
        int ho = outSize(h, kh, stride, padding);
        int wo = outSize(w, kw, stride, padding);
        // NCHW -> rows of channels; for C = 1 the permute is already contiguous and costs nothing
        Tensor rows = x.permute(0, 2, 3, 1).reshape(n, h * w, c);
        if (padding > 0) {
            rows = Tensor.concat(List.of(rows, Tensor.full(x.backend(), padValue, n, 1, c)), 1);
        }
        Tensor cols = rows.indexSelect(1, index(x.backend(), h, w, ho, wo));
        return cols.reshape(n, ho * wo, kh * kw, c);
    }

    private Tensor index(Backend backend, int h, int w, int ho, int wo) {
        if (h == cachedH && w == cachedW && backend == cachedBackend) {
            return cachedIndex;
        }
        int outside = h * w;
        float[] idx = new float[ho * wo * kh * kw];
        int at = 0;
        for (int oh = 0; oh < ho; oh++) {
            for (int ow = 0; ow < wo; ow++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int r = oh * stride + i - padding;
                        int q = ow * stride + j - padding;
                        boolean inside = r >= 0 && r < h && q >= 0 && q < w;
                        idx[at++] = inside ? r * w + q : outside;
                    }
                }
            }
        }
        // built inside a training step, reused by the later ones: not recycled with the step
        cachedIndex = backend.persistent(Tensor.fromArray(backend, idx, idx.length));
        cachedH = h;
        cachedW = w;
        cachedBackend = backend;
        return cachedIndex;
    }
}
