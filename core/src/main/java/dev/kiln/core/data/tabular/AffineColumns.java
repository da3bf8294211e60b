package dev.kiln.core.data.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted state of a per-column affine map {@code x -> (x - center) / scale}: what the scalers
 * learn. Missing cells stay missing.
 */
record AffineColumns(Map<String, double[]> centerAndScale) {
    AffineColumns {
        centerAndScale = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(centerAndScale));
    }

    DataFrame apply(DataFrame data, String who) {
        DataFrame out = data;
        for (Map.Entry<String, double[]> e : centerAndScale.entrySet()) {
            NumericColumn c = (NumericColumn) Columns.check(data, e.getKey(), who, ColumnType.NUMERIC);
            double center = e.getValue()[0];
            double scale = e.getValue()[1];
            double[] v = c.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - center) / scale;
            }
            out = out.with(NumericColumn.wrap(c.name(), v));
        }
        return out;
    }

    /** The non-missing values of a column, failing when there are none to learn from. */
    static double[] present(NumericColumn c, String who) {
        double[] v = c.values();
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                v[n++] = d;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(who + ": column '" + c.name()
                    + "' has no values to fit on (every cell is missing)");
        }
        return java.util.Arrays.copyOf(v, n);
    }

    double get(String column, int which, String who) {
        double[] s = centerAndScale.get(column);
        if (s == null) {
            throw new IllegalArgumentException(who + " was not fitted on column '" + column + "'; it knows "
                    + List.copyOf(centerAndScale.keySet()));
        }
        return s[which];
    }
}
