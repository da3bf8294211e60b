package dev.kiln.unsupervised;

import dev.kiln.core.ml.Features;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Tensor;
import java.lang.ref.SoftReference;
import java.util.Objects;

/**
 * An unlabelled dataset: {@code rows} points of {@code cols} features, stored row-major as float32
 * (Kiln's tensor type) so that large sets such as MNIST (60000 x 784) fit without doubling memory.
 * Every clustering {@link dev.kiln.core.train.Trainer} in this module takes one. Immutable: the
 * factories copy their input and {@link #data()} hands out the array only to code that must not
 * modify it (the module's own algorithms).
 *
 * <p>The copy of the points that the distance computations use on a backend is kept, softly, after
 * its first use (see {@link #onBackend}): the collector drops it when memory runs short.
 */
public final class Points {
    private final float[] data;
    private final int rows;
    private final int cols;
    private volatile SoftReference<OnBackend> onBackend = new SoftReference<>(null);

    private Points(float[] data, int rows, int cols) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    /** Wraps a row-major array (copied) of {@code rows * cols} values. */
    public static Points of(float[] rowMajor, int rows, int cols) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (rows < 0 || cols <= 0 || (long) rows * cols != rowMajor.length) {
            throw new IllegalArgumentException("Points: " + rowMajor.length + " values do not make " + rows + " rows of "
                    + cols + " features");
        }
        return checked(rowMajor.clone(), rows, cols);
    }

    public static Points of(double[][] rows) {
        int cols = width(rows.length, rows.length == 0 ? 0 : rows[0].length);
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Points: row " + i + " has " + rows[i].length + " features, row 0 has "
                        + cols);
            }
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = (float) rows[i][j];
            }
        }
        return checked(flat, rows.length, cols);
    }

    /** The rows of the fitted-model feature matrix (float copy), so a PCA projection or any other {@link Features} clusters directly. */
    public static Points of(Features features) {
        return of(features.rows());
    }

    public static Points of(float[][] rows) {
        int cols = width(rows.length, rows.length == 0 ? 0 : rows[0].length);
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Points: row " + i + " has " + rows[i].length + " features, row 0 has "
                        + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return checked(flat, rows.length, cols);
    }

    /** The values of a 2-D tensor {@code [rows, cols]}. */
    public static Points of(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Points: expected a 2-D tensor [rows, features], got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        return checked(x.toArray(), x.shape(0), x.shape(1));
    }

    private static int width(int rows, int cols) {
        if (rows == 0) {
            throw new IllegalArgumentException("Points: no rows");
        }
        if (cols == 0) {
            throw new IllegalArgumentException("Points: rows have no features");
        }
        return cols;
    }

    private static Points checked(float[] data, int rows, int cols) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("Points: value " + data[i] + " at row " + (i / cols) + ", feature "
                        + (i % cols) + " is not finite");
            }
        }
        return new Points(data, rows, cols);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** The backing row-major array; callers must not modify it. */
    float[] data() {
        return data;
    }

    /** A copy of row {@code i} in double precision. */
    public double[] row(int i) {
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = data[i * cols + j];
        }
        return r;
    }

    /** All rows in double precision (a copy). */
    public double[][] toDoubleRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** The points as a {@code [rows, cols]} tensor on {@code backend}. */
    public Tensor toTensor(Backend backend) {
        return Tensor.fromArray(backend, data, rows, cols);
    }

    /** The points on a backend, {@code [rows, cols]}, with their squared Euclidean norms {@code [rows, 1]}. */
    record OnBackend(Backend backend, Tensor x, Tensor squaredNorms) {
    }

    /**
     * The points and their squared norms on {@code backend}: uploaded and summed on first use, then
     * kept for the next use on the same backend, so k-means restarts, fits for several k and
     * predictions on the training set copy the points (188 MB for MNIST) and sum the norms once. Held
     * by a soft reference: under memory pressure the collector frees it and the next use rebuilds it.
     */
    OnBackend onBackend(Backend backend) {
        OnBackend cached = onBackend.get();
        if (cached != null && cached.backend() == backend) {
            return cached;
        }
        float[] norms = new float[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0, o = i * cols; j < cols; j++) {
                s += (double) data[o + j] * data[o + j];
            }
            norms[i] = (float) s;
        }
        OnBackend fresh = new OnBackend(backend, toTensor(backend), Tensor.fromArray(backend, norms, rows, 1));
        onBackend = new SoftReference<>(fresh);
        return fresh;
    }

    /** Rows {@code index[0], index[1], ...} as a new set. */
    public Points select(int[] index) {
        float[] out = new float[index.length * cols];
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= rows) {
                throw new IllegalArgumentException("Points.select: row " + index[i] + " is outside [0, " + rows + ")");
            }
            System.arraycopy(data, index[i] * cols, out, i * cols, cols);
        }
        return new Points(out, index.length, cols);
    }

    /** Checks that {@code other} has the same number of features (for predict/transform). */
    void requireCols(int expected, String what) {
        if (cols != expected) {
            throw new IllegalArgumentException(what + ": the model was fitted on " + expected + " features, got "
                    + cols);
        }
    }
}
