package dev.kiln.core.data.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps numeric columns linearly so the training minimum goes to {@code low} and the training
 * maximum to {@code high} (default [0, 1]); other data may fall outside that range. Missing
 * cells are ignored when fitting and stay missing. A constant column maps to {@code low}
 * (scikit-learn's {@code MinMaxScaler} behaves the same).
 */
public final class MinMaxScaler implements Transformer {
    private static final String WHO = "MinMaxScaler";
    private final double low;
    private final double high;
    private final List<String> requested;
    private final AffineColumns fitted;

    /** Scales every numeric column to [0, 1]. */
    public MinMaxScaler() {
        this(0, 1, null, null);
    }

    /** Scales the named numeric columns to [0, 1]. */
    public MinMaxScaler(String... columns) {
        this(0, 1, Columns.copy(columns), null);
    }

    private MinMaxScaler(double low, double high, List<String> requested, AffineColumns fitted) {
        if (!(low < high)) {
            throw new IllegalArgumentException(WHO + ": range must have low < high, got [" + low + ", " + high + "]");
        }
        this.low = low;
        this.high = high;
        this.requested = requested;
        this.fitted = fitted;
    }

    /** Scales to [low, high] instead (every numeric column, or the named ones). */
    public static MinMaxScaler range(double low, double high, String... columns) {
        return new MinMaxScaler(low, high, Columns.copy(columns), null);
    }

    @Override
    public MinMaxScaler fit(DataFrame train) {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (String name : Columns.resolve(train, requested, ColumnType.NUMERIC, WHO, ColumnType.NUMERIC)) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : AffineColumns.present(train.numeric(name), WHO)) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            double dataRange = max - min == 0 ? 1 : max - min;
            // x -> (x - min) / dataRange * (high - low) + low  ==  (x - center) / scale
            double scale = dataRange / (high - low);
            double center = min - low * scale;
            state.put(name, new double[] {center, scale});
        }
        return new MinMaxScaler(low, high, requested, new AffineColumns(state));
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
}
