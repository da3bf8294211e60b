package dev.kiln.supervised.nn;

/** Batch normalisation of {@code [N, features]}; see {@link BatchNorm}. */
public final class BatchNorm1d extends BatchNorm {
    /** eps 1e-5, momentum 0.1 (PyTorch's defaults). */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    public BatchNorm1d(int features, double eps, double momentum) {
        super(features, eps, momentum);
    }

    @Override
    String kind() {
        return "BatchNorm1d";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 1 || s[0] != features()) {
            throw new ShapeMismatchException(describe(), "[N, " + features() + "]", s);
        }
        return s.clone();
    }
}
