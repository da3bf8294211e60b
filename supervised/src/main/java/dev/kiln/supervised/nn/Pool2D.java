package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;
import java.util.Map;

/**
 * Max or average pooling over {@code [N, C, H, W]} (PyTorch's floor mode: a partial window at the
 * edge is dropped). When kernel == stride and there is no padding, the input is cut into tiles by
 * a reshape and reduced over the two tile axes; otherwise windows are gathered by im2col.
 * Average pooling counts padding zeros in the mean ({@code count_include_pad=True}, PyTorch's
 * default); max pooling pads with -inf. Where several inputs tie for a window's maximum they share
 * its gradient (PyTorch gives it to one of them).
 */
abstract class Pool2D extends AbstractLayer {
    private final int kernel;
    private final int stride;
    private final int padding;
    private Im2Col im2col;
    private int channels = -1;

    Pool2D(int kernel, int stride, int padding) {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(kind() + ": kernel and stride must be positive and padding in [0, kernel/2], got kernel="
                    + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    abstract String kind();

    /** Reduces over the given axes (max or mean). */
    abstract Tensor reduce(Tensor x, int[] axes);

    abstract float padValue();

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[1] + 2 * padding < kernel || s[2] + 2 * padding < kernel) {
            throw new ShapeMismatchException(describe(), "[N, C, H, W] with H, W >= " + (kernel - 2 * padding), s);
        }
        return new int[] {s[0], Im2Col.outSize(s[1], kernel, stride, padding),
                Im2Col.outSize(s[2], kernel, stride, padding)};
    }

    @Override
    protected Tensor apply(Tensor x) {
        int[] o = outputShape(sampleShape(x));
        int n = x.shape(0);
        int c = o[0];
        if (kernel == stride && padding == 0) {
            Tensor tiles = x;
            if (x.shape(2) != o[1] * kernel) {
                tiles = tiles.slice(2, 0, o[1] * kernel);
            }
            if (x.shape(3) != o[2] * kernel) {
                tiles = tiles.slice(3, 0, o[2] * kernel);
            }
            return reduce(tiles.reshape(n, c, o[1], kernel, o[2], kernel), new int[] {3, 5});
        }
        if (im2col == null || channels != c) {
            im2col = new Im2Col(c, kernel, kernel, stride, padding, Im2Col.Order.CHANNEL_MAJOR);
            channels = c;
        }
        return reduce(im2col.apply(x, padValue()), new int[] {3}).reshape(n, c, o[1], o[2]);
    }

    @Override
    public Map<String, Object> config() {
        return LayerConfig.of(kind(), "kernel", kernel, "stride", stride, "padding", padding);
    }

    @Override
    public String describe() {
        return kind() + "(kernel " + kernel + (stride != kernel ? ", stride " + stride : "")
                + (padding != 0 ? ", padding " + padding : "") + ")";
    }
}
