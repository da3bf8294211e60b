package dev.kiln.core.data.tabular;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills missing cells with a value learnt from the training data, per column (scikit-learn's
 * {@code SimpleImputer}):
 *
 * <ul>
 *   <li>{@link #mean()} / {@link #median()}: numeric columns; the median of an even count is the
 *       mean of the two middle values.</li>
 *   <li>{@link #mostFrequent()}: numeric and categorical columns; ties go to the smallest value.</li>
 *   <li>{@link #constant(double)} / {@link #constant(String)}: a fixed value for numeric /
 *       categorical columns.</li>
 * </ul>
 *
 * Without {@link #columns} a strategy applies to every column it can handle. A column with no
 * values in the training data cannot give a mean, median or mode: that is an error naming it.
 */
public final class SimpleImputer implements Transformer {
    /** How the fill value is chosen. */
    public enum Strategy { MEAN, MEDIAN, MOST_FREQUENT, CONSTANT }

    private static final String WHO = "SimpleImputer";
    private final Strategy strategy;
    private final Object constant;
    private final List<String> requested;
    private final Map<String, Object> fill; // Double for numeric, String for categorical; null = unfitted

    private SimpleImputer(Strategy strategy, Object constant, List<String> requested, Map<String, Object> fill) {
        this.strategy = strategy;
        this.constant = constant;
        this.requested = requested;
        this.fill = fill;
    }

    public static SimpleImputer mean() {
        return new SimpleImputer(Strategy.MEAN, null, null, null);
    }

    public static SimpleImputer median() {
        return new SimpleImputer(Strategy.MEDIAN, null, null, null);
    }

    public static SimpleImputer mostFrequent() {
        return new SimpleImputer(Strategy.MOST_FREQUENT, null, null, null);
    }

    public static SimpleImputer constant(double value) {
        return new SimpleImputer(Strategy.CONSTANT, value, null, null);
    }

    public static SimpleImputer constant(String value) {
        if (value == null) {
            throw new IllegalArgumentException(WHO + ": the constant must not be null (null means missing)");
        }
        return new SimpleImputer(Strategy.CONSTANT, value, null, null);
    }

    /** The same strategy restricted to the named columns. */
    public SimpleImputer columns(String... names) {
        return new SimpleImputer(strategy, constant, Columns.copy(names), null);
    }

    public Strategy strategy() {
        return strategy;
    }

    @Override
    public SimpleImputer fit(DataFrame train) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : Columns.resolve(train, requested, defaultType(), WHO, allowed())) {
            Column c = train.column(name);
            values.put(name, switch (strategy) {
                case MEAN -> Arrays.stream(AffineColumns.present((NumericColumn) c, WHO)).average().orElseThrow();
                case MEDIAN -> median(AffineColumns.present((NumericColumn) c, WHO));
                case MOST_FREQUENT -> mode(c);
                case CONSTANT -> constant;
            });
        }
        return new SimpleImputer(strategy, constant, requested, Collections.unmodifiableMap(values));
    }

    @Override
    public DataFrame transform(DataFrame data) {
        if (fill == null) {
            throw new NotFittedException(WHO + "(" + strategy + ")");
        }
        DataFrame out = data;
        for (Map.Entry<String, Object> e : fill.entrySet()) {
            Column c = Columns.check(data, e.getKey(), WHO, e.getValue() instanceof Double ? ColumnType.NUMERIC
                    : ColumnType.CATEGORICAL);
            if (c instanceof NumericColumn n) {
                double v = (Double) e.getValue();
                double[] values = n.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.isNaN(values[i]) ? v : values[i];
                }
                out = out.with(NumericColumn.wrap(c.name(), values));
            } else {
                String v = (String) e.getValue();
                String[] values = ((CategoricalColumn) c).values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i] == null ? v : values[i];
                }
                out = out.with(CategoricalColumn.wrap(c.name(), values));
            }
        }
        return out;
    }

    @Override
    public boolean isFitted() {
        return fill != null;
    }

    /** The learnt fill value of {@code column} (a Double or a String). */
    public Object fillValue(String column) {
        if (fill == null) {
            throw new NotFittedException(WHO + "(" + strategy + ")");
        }
        Object v = fill.get(column);
        if (v == null) {
            throw new IllegalArgumentException(WHO + " was not fitted on column '" + column + "'; it knows "
                    + fill.keySet());
        }
        return v;
    }

    private ColumnType defaultType() {
        return switch (strategy) {
            case MEAN, MEDIAN -> ColumnType.NUMERIC;
            case MOST_FREQUENT -> null;
            case CONSTANT -> constant instanceof Double ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        };
    }

    private ColumnType[] allowed() {
        ColumnType d = defaultType();
        return d == null ? ColumnType.values() : new ColumnType[] {d};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static Object mode(Column c) {
        if (c instanceof NumericColumn n) {
            double[] s = AffineColumns.present(n, WHO);
            Arrays.sort(s);
            double best = s[0];
            int bestCount = 0;
            for (int i = 0; i < s.length;) {
                int j = i;
                while (j < s.length && s[j] == s[i]) {
                    j++;
                }
                if (j - i > bestCount) { // strictly more: ties keep the smaller, earlier value
                    best = s[i];
                    bestCount = j - i;
                }
                i = j;
            }
            return best;
        }
        Map<String, Integer> counts = new HashMap<>();
        CategoricalColumn s = (CategoricalColumn) c;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i) != null) {
                counts.merge(s.get(i), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException(WHO + ": column '" + c.name()
                    + "' has no values to fit on (every cell is missing)");
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int cmp = best == null ? 1 : Integer.compare(e.getValue(), counts.get(best));
            if (cmp > 0 || (cmp == 0 && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
