package dev.kiln.core.data.tabular;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each categorical column by a numeric column of the same name holding the category's
 * index {@code 0..k-1} in sorted training categories (scikit-learn's {@code OrdinalEncoder}).
 * Missing cells stay missing ({@code NaN}). A category not seen in training follows the
 * {@link UnknownCategories} policy: {@code ERROR} (default) throws, {@code IGNORE} makes it
 * missing, so a later imputer can fill it.
 */
public final class OrdinalEncoder implements Transformer {
    private static final String WHO = "OrdinalEncoder";
    private final UnknownCategories unknown;
    private final List<String> requested;
    private final Map<String, String[]> categories;

    public OrdinalEncoder() {
        this(UnknownCategories.ERROR, null, null);
    }

    public OrdinalEncoder(UnknownCategories unknown, String... columns) {
        this(unknown, Columns.copy(columns), null);
    }

    private OrdinalEncoder(UnknownCategories unknown, List<String> requested, Map<String, String[]> categories) {
        this.unknown = unknown;
        this.requested = requested;
        this.categories = categories;
    }

    @Override
    public OrdinalEncoder fit(DataFrame train) {
        Map<String, String[]> cats = new LinkedHashMap<>();
        for (String name : Columns.resolve(train, requested, ColumnType.CATEGORICAL, WHO, ColumnType.CATEGORICAL)) {
            cats.put(name, train.categorical(name).categories());
        }
        return new OrdinalEncoder(unknown, requested, Collections.unmodifiableMap(cats));
    }

    @Override
    public DataFrame transform(DataFrame data) {
        if (categories == null) {
            throw new NotFittedException(WHO);
        }
        DataFrame out = data;
        for (Map.Entry<String, String[]> e : categories.entrySet()) {
            CategoricalColumn c = (CategoricalColumn) Columns.check(data, e.getKey(), WHO, ColumnType.CATEGORICAL);
            String[] known = e.getValue();
            double[] codes = new double[c.size()];
            for (int i = 0; i < codes.length; i++) {
                String v = c.get(i);
                if (v == null) {
                    codes[i] = Double.NaN;
                    continue;
                }
                int k = Arrays.binarySearch(known, v);
                if (k < 0 && unknown == UnknownCategories.ERROR) {
                    throw new UnknownCategoryException(WHO, c.name(), i, v, known);
                }
                codes[i] = k < 0 ? Double.NaN : k;
            }
            out = out.with(NumericColumn.wrap(c.name(), codes));
        }
        return out;
    }

    @Override
    public boolean isFitted() {
        return categories != null;
    }

    /** The training categories of {@code column}, sorted: category {@code i} is coded {@code i}. */
    public List<String> categories(String column) {
        if (categories == null) {
            throw new NotFittedException(WHO);
        }
        String[] c = categories.get(column);
        if (c == null) {
            throw new IllegalArgumentException(WHO + " was not fitted on column '" + column + "'; it knows "
                    + categories.keySet());
        }
        return List.of(c);
    }
}
