package dev.kiln.supervised.nn;

/** Batch normalisation of {@code [N, C, H, W]} per channel; see {@link BatchNorm}. */
public final class BatchNorm2d extends BatchNorm {
    /** eps 1e-5, momentum 0.1 (PyTorch's defaults). */
    public BatchNorm2d(int channels) {
        this(channels, 1e-5, 0.1);
    }

    public BatchNorm2d(int channels, double eps, double momentum) {
        super(channels, eps, momentum);
    }

    @Override
    String kind() {
        return "BatchNorm2d";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] != features()) {
            throw new ShapeMismatchException(describe(), "[N, " + features() + ", H, W]", s);
        }
        return s.clone();
    }
}
