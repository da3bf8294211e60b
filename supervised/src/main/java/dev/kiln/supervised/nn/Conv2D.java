package dev.kiln.supervised.nn;

import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d}) on {@code [N, C, H, W]}
 * with a square or rectangular kernel, stride and zero padding. Weight {@code [out, in, kh, kw]},
 * bias {@code [out]}, PyTorch's layout. Computed as im2col (one gather) and one matrix product,
 * from core primitives only, so every backend runs it and autograd differentiates it
 * (docs/adr/0006-layers.md).
 */
public final class Conv2D extends AbstractLayer {
    private final int in;
    private final int out;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private final Im2Col im2col;

    /** A square {@code kernel}, stride 1, no padding, PyTorch's default initialisation. */
    public Conv2D(int in, int out, int kernel, Rng rng) {
        this(in, out, kernel, kernel, 1, 0, true, Init.DEFAULT, rng);
    }

    public Conv2D(int in, int out, int kernel, int stride, int padding, Init init, Rng rng) {
        this(in, out, kernel, kernel, stride, padding, true, init, rng);
    }

    public Conv2D(int in, int out, int kh, int kw, int stride, int padding, boolean withBias, Init init, Rng rng) {
        if (in <= 0 || out <= 0 || kh <= 0 || kw <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("Conv2D: channels, kernel and stride must be positive and padding >= 0, got in="
                    + in + " out=" + out + " kernel=" + kh + "x" + kw + " stride=" + stride + " padding=" + padding);
        }
        this.in = in;
        this.out = out;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padding = padding;
        int fanIn = in * kh * kw;
        this.weight = addParameter("weight", init.weight(rng, fanIn, out * kh * kw, out, in, kh, kw));
        this.bias = withBias ? addParameter("bias", init.bias(rng, fanIn, out)) : null;
        this.im2col = new Im2Col(kh, kw, stride, padding);
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] != in) {
            throw new ShapeMismatchException(describe(), "[N, " + in + ", H, W]", s);
        }
        int ho = Im2Col.outSize(s[1], kh, stride, padding);
        int wo = Im2Col.outSize(s[2], kw, stride, padding);
        if (s[1] + 2 * padding < kh || s[2] + 2 * padding < kw) {
            throw new ShapeMismatchException(describe(), "an image of at least " + (kh - 2 * padding) + "x"
                    + (kw - 2 * padding), s);
        }
        return new int[] {out, ho, wo};
    }

    @Override
    protected Tensor apply(Tensor x) {
        int n = x.shape(0);
        int[] o = outputShape(sampleShape(x));
        // columns are ordered (tap, channel): bring the [out, in, kh, kw] weight into the same order
        Tensor cols = im2col.apply(x, 0f).reshape(n * o[1] * o[2], kh * kw * in);
        Tensor kernel = weight.value().permute(0, 2, 3, 1).reshape(out, kh * kw * in);
        Tensor y = cols.matmul(kernel.t());
        if (bias != null) {
            y = y.add(bias.value());
        }
        // one copy into NCHW here, instead of every following op (activation, pooling, their
        // gradients) walking the channels-last result through strides one element at a time
        return y.reshape(n, o[1], o[2], out).permute(0, 3, 1, 2).contiguous();
    }

    @Override
    public Map<String, Object> config() {
        return LayerConfig.of("Conv2D", "in", in, "out", out, "kernel", java.util.List.of(kh, kw), "stride", stride,
                "padding", padding, "bias", bias != null);
    }

    @Override
    public String describe() {
        return "Conv2D(" + in + " -> " + out + ", kernel " + kh + "x" + kw
                + (stride != 1 ? ", stride " + stride : "") + (padding != 0 ? ", padding " + padding : "")
                + (bias == null ? ", no bias" : "") + ")";
    }
}
