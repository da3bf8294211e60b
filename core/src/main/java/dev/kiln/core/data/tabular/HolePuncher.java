package dev.kiln.core.data.tabular;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes a given fraction of cells at random (seeded) to test missing-value handling: exactly
 * {@code round(fraction * eligibleCells)} distinct cells become missing ({@code NaN} / {@code null}),
 * chosen uniformly without replacement from a seeded permutation of all eligible cells (a cell
 * that was already missing may be among them, so on incomplete input the result can have fewer
 * new holes).
 */
public final class HolePuncher {
    private HolePuncher() {
    }

    /** Punches holes in every column except {@code keep} (e.g. the label column). */
    public static DataFrame punch(DataFrame frame, double fraction, long seed, String... keep) {
        checkFraction(fraction);
        Set<String> kept = Set.of(keep);
        for (String k : keep) {
            frame.column(k); // fails naming the column if it does not exist
        }
        List<Integer> eligible = new ArrayList<>();
        for (int j = 0; j < frame.columnCount(); j++) {
            if (!kept.contains(frame.column(j).name())) {
                eligible.add(j);
            }
        }
        int rows = frame.rowCount();
        boolean[][] hole = holes(rows, eligible.size(), fraction, seed);
        DataFrame out = frame;
        for (int e = 0; e < eligible.size(); e++) {
            Column c = frame.column(eligible.get(e));
            if (c instanceof NumericColumn n) {
                double[] v = n.values();
                for (int i = 0; i < rows; i++) {
                    v[i] = hole[i][e] ? Double.NaN : v[i];
                }
                out = out.with(NumericColumn.wrap(c.name(), v));
            } else {
                String[] v = ((CategoricalColumn) c).values();
                for (int i = 0; i < rows; i++) {
                    v[i] = hole[i][e] ? null : v[i];
                }
                out = out.with(CategoricalColumn.wrap(c.name(), v));
            }
        }
        return out;
    }

    /** A copy of row-major {@code features} with the fraction of cells set to {@code NaN}. */
    public static double[][] punch(double[][] features, double fraction, long seed) {
        checkFraction(fraction);
        int d = features.length == 0 ? 0 : features[0].length;
        boolean[][] hole = holes(features.length, d, fraction, seed);
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("HolePuncher: row " + i + " has " + features[i].length
                        + " values, row 0 has " + d);
            }
            out[i] = features[i].clone();
            for (int j = 0; j < d; j++) {
                if (hole[i][j]) {
                    out[i][j] = Double.NaN;
                }
            }
        }
        return out;
    }

    private static boolean[][] holes(int rows, int cols, double fraction, long seed) {
        int cells = rows * cols;
        int count = (int) Math.round(fraction * cells);
        // the first `count` entries of a seeded permutation of cell numbers: uniform, without replacement
        int[] perm = new Rng(seed).permutation(cells);
        boolean[][] hole = new boolean[rows][cols];
        for (int i = 0; i < count; i++) {
            hole[perm[i] / cols][perm[i] % cols] = true;
        }
        return hole;
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("HolePuncher: fraction must be in [0, 1], got " + fraction);
        }
    }
}
