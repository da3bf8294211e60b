package dev.kiln.core.data.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standardises numeric columns to {@code (x - mean) / std} with the training mean and the
 * population standard deviation ({@code ddof = 0}, as scikit-learn's {@code StandardScaler}).
 * Missing cells are ignored when fitting and stay missing. A constant column gets scale 1 (it
 * becomes 0 rather than NaN), as in scikit-learn.
 */
public final class StandardScaler implements Transformer {
    private static final String WHO = "StandardScaler";
    private final List<String> requested;
    private final AffineColumns fitted;

    /** Scales every numeric column. */
    public StandardScaler() {
        this(null, null);
    }

    /** Scales only the named numeric columns. */
    public StandardScaler(String... columns) {
        this(Columns.copy(columns), null);
    }

    private StandardScaler(List<String> requested, AffineColumns fitted) {
        this.requested = requested;
        this.fitted = fitted;
    }

    @Override
    public StandardScaler fit(DataFrame train) {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (String name : Columns.resolve(train, requested, ColumnType.NUMERIC, WHO, ColumnType.NUMERIC)) {
            double[] v = AffineColumns.present(train.numeric(name), WHO);
            double mean = 0;
            for (double d : v) {
                mean += d;
            }
            mean /= v.length;
            double ss = 0;
            for (double d : v) {
                ss += (d - mean) * (d - mean);
            }
            double std = Math.sqrt(ss / v.length);
            state.put(name, new double[] {mean, std == 0 ? 1 : std});
        }
        return new StandardScaler(requested, new AffineColumns(state));
    }

    @Override
    public DataFrame transform(DataFrame data) {
        if (fitted == null) {
            throw new NotFittedException(WHO);
        }
        return fitted.apply(data, WHO);
    }

    @Override
    public boolean isFitted() {
        return fitted != null;
    }

    /** The training mean of {@code column}. */
    public double mean(String column) {
        return state().get(column, 0, WHO);
    }

    /** The divisor for {@code column}: its training standard deviation, or 1 if that was 0. */
    public double scale(String column) {
        return state().get(column, 1, WHO);
    }

    private AffineColumns state() {
        if (fitted == null) {
            throw new NotFittedException(WHO);
        }
        return fitted;
    }
}
