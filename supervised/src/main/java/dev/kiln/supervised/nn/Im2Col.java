package dev.kiln.supervised.nn;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.util.List;

/**
 * Sliding windows over {@code [N, C, H, W]} as one {@code indexSelect} on the flattened input
 * (see docs/adr/0006-layers.md). The gather index is computed once per input size and cached; a
 * window position outside the image (padding) points at one extra column appended to the
 * flattened input, filled with the pad value (0 for convolution and average pooling, -inf for max
 * pooling). Autograd differentiates the gather with {@code indexAdd}, which is col2im.
 */
final class Im2Col {
    /** Window order in the gathered tensor. */
    enum Order {
        /** {@code [N, L, C*kh*kw]}: one row per output position, for the convolution GEMM. */
        POSITION_MAJOR,
        /** {@code [N, C, L, kh*kw]}: channels kept apart, for pooling. */
        CHANNEL_MAJOR
    }

    private final int channels;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int padding;
    private final Order order;
    private int cachedH = -1;
    private int cachedW = -1;
    private Backend cachedBackend;
    private Tensor cachedIndex;

    Im2Col(int channels, int kh, int kw, int stride, int padding, Order order) {
        this.channels = channels;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padding = padding;
        this.order = order;
    }

    static int outSize(int in, int kernel, int stride, int padding) {
        return (in + 2 * padding - kernel) / stride + 1;
    }

    /**
     * Gathers the windows: {@code [N, Ho*Wo, C*kh*kw]} (position-major) or
     * {@code [N, C, Ho*Wo, kh*kw]} (channel-major).
     */
    Tensor apply(Tensor x, float padValue) {
        int n = x.shape(0);
        int h = x.shape(2);
        int w = x.shape(3);
        int ho = outSize(h, kh, stride, padding);
        int wo = outSize(w, kw, stride, padding);
        Tensor flat = x.reshape(n, channels * h * w);
        if (padding > 0) {
            flat = Tensor.concat(List.of(flat, Tensor.full(x.backend(), padValue, n, 1)), 1);
        }
        Tensor cols = flat.indexSelect(1, index(x.backend(), h, w, ho, wo));
        int l = ho * wo;
        return order == Order.POSITION_MAJOR
                ? cols.reshape(n, l, channels * kh * kw)
                : cols.reshape(n, channels, l, kh * kw);
    }

    private Tensor index(Backend backend, int h, int w, int ho, int wo) {
        if (h == cachedH && w == cachedW && backend == cachedBackend) {
            return cachedIndex;
        }
        int k = kh * kw;
        int l = ho * wo;
        int outside = channels * h * w;
        float[] idx = new float[channels * l * k];
        for (int c = 0; c < channels; c++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    int pos = oh * wo + ow;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            int r = oh * stride + i - padding;
                            int q = ow * stride + j - padding;
                            boolean inside = r >= 0 && r < h && q >= 0 && q < w;
                            int at = order == Order.POSITION_MAJOR
                                    ? (pos * channels + c) * k + i * kw + j
                                    : (c * l + pos) * k + i * kw + j;
                            idx[at] = inside ? c * h * w + r * w + q : outside;
                        }
                    }
                }
            }
        }
        cachedIndex = Tensor.fromArray(backend, idx, idx.length);
        cachedH = h;
        cachedW = w;
        cachedBackend = backend;
        return cachedIndex;
    }
}
