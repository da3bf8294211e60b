package dev.kiln.core.ml;

import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;

/**
 * The one feature-matrix type of Kiln's fitted models: {@code rows × width} real values, row
 * major. It wraps a {@code double[][]} without copying ({@link #of(double[][])}, {@link #rows()}),
 * because the classic learners (trees, SVMs, k-NN, linear models) work on rows of doubles; the
 * conversions from and to {@code float[][]} and {@link Tensor} copy, since their element type is
 * float32.
 *
 * <p>Treat the wrapped rows as read-only: models never write to them, and a caller that changes
 * them after wrapping changes what the model sees.
 */
public final class Features {
    private final double[][] rows;
    private final int width;

    private Features(double[][] rows, int width) {
        this.rows = rows;
        this.width = width;
    }

    /** Wraps {@code rows} (no copy); every row must have the same length. */
    public static Features of(double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("Features: rows are null");
        }
        int width = rows.length == 0 || rows[0] == null ? 0 : rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException("Features: row " + i + " is null");
            }
            if (rows[i].length != width) {
                throw new IllegalArgumentException("Features: row " + i + " has " + rows[i].length
                        + " values but row 0 has " + width);
            }
        }
        return new Features(rows, width);
    }

    /** No rows of {@code width} columns. */
    public static Features empty(int width) {
        return new Features(new double[0][], width);
    }

    /** A copy of float rows. */
    public static Features of(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return of(out);
    }

    /** A copy of a rank-2 tensor {@code [rows, width]}; a rank-1 tensor is one row. */
    public static Features of(Tensor t) {
        int[] s = t.shape();
        if (s.length > 2) {
            throw new IllegalArgumentException("Features: a tensor of shape " + Arrays.toString(s)
                    + " is not a matrix; flatten it to [rows, features] first");
        }
        int n = s.length == 2 ? s[0] : 1;
        int d = s.length == 2 ? s[1] : s.length == 1 ? s[0] : 1;
        float[] flat = t.toArray();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = flat[i * d + j];
            }
        }
        return new Features(out, d);
    }

    /** The wrapped rows (no copy). */
    public double[][] rows() {
        return rows;
    }

    public double[] row(int i) {
        return rows[i];
    }

    public double get(int row, int column) {
        return rows[row][column];
    }

    /** Number of rows (samples). */
    public int size() {
        return rows.length;
    }

    /** Number of columns (features per row). */
    public int width() {
        return width;
    }

    /** The given rows, in that order (shared, not copied). */
    public Features select(int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows.length) {
                throw new IndexOutOfBoundsException("Features: row " + r + " outside [0, " + rows.length + ")");
            }
            out[i] = rows[r];
        }
        return new Features(out, width);
    }

    /** A float copy, row by row. */
    public float[][] toFloatRows() {
        float[][] out = new float[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                out[i][j] = (float) rows[i][j];
            }
        }
        return out;
    }

    /** A float32 copy of shape {@code [size(), width()]} on the default backend. */
    public Tensor toTensor() {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) rows[i][j];
            }
        }
        return Tensor.fromArray(flat, rows.length, width);
    }

    /**
     * This matrix, after checking it has {@code expected} columns and only finite values; the
     * error names {@code who}, the row, the column and the value, so bad input never turns into a
     * silent NaN prediction.
     */
    public Features requireFinite(String who, int expected) {
        if (width != expected && rows.length > 0) {
            throw new IllegalArgumentException(who + ": rows have " + width + " features but the model was fitted on "
                    + expected);
        }
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            for (int j = 0; j < r.length; j++) {
                if (!Double.isFinite(r[j])) {
                    throw new IllegalArgumentException(who + ": feature " + j + " of row " + i + " is " + r[j]
                            + "; impute or drop missing values first (SimpleImputer, RowCleaner)");
                }
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return "Features[" + rows.length + " x " + width + "]";
    }
}
