package dev.kiln.core.data.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each categorical column {@code c} by one numeric 0/1 column per training category,
 * named {@code c=category}, in sorted category order (as scikit-learn's {@code OneHotEncoder}),
 * at the place the column stood. A category not seen in training, or a missing cell, follows the
 * {@link UnknownCategories} policy: {@code ERROR} (default) throws, {@code IGNORE} gives all zeros.
 */
public final class OneHotEncoder implements Transformer {
    private static final String WHO = "OneHotEncoder";
    private final UnknownCategories unknown;
    private final List<String> requested;
    private final Map<String, String[]> categories; // null = unfitted

    /** Encodes every categorical column; unknown categories are an error. */
    public OneHotEncoder() {
        this(UnknownCategories.ERROR, null, null);
    }

    public OneHotEncoder(UnknownCategories unknown, String... columns) {
        this(unknown, Columns.copy(columns), null);
    }

    private OneHotEncoder(UnknownCategories unknown, List<String> requested, Map<String, String[]> categories) {
        this.unknown = unknown;
        this.requested = requested;
        this.categories = categories;
    }

    @Override
    public OneHotEncoder fit(DataFrame train) {
        Map<String, String[]> cats = new LinkedHashMap<>();
        for (String name : Columns.resolve(train, requested, ColumnType.CATEGORICAL, WHO, ColumnType.CATEGORICAL)) {
            String[] known = train.categorical(name).categories();
            if (known.length == 0) {
                throw new IllegalArgumentException(WHO + ": column '" + name
                        + "' has no values to fit on (every cell is missing)");
            }
            cats.put(name, known);
        }
        return new OneHotEncoder(unknown, requested, Collections.unmodifiableMap(cats));
    }

    @Override
    public DataFrame transform(DataFrame data) {
        if (categories == null) {
            throw new NotFittedException(WHO);
        }
        Map<String, List<Column>> replacements = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : categories.entrySet()) {
            CategoricalColumn c = (CategoricalColumn) Columns.check(data, e.getKey(), WHO, ColumnType.CATEGORICAL);
            String[] known = e.getValue();
            double[][] indicator = new double[known.length][c.size()];
            for (int i = 0; i < c.size(); i++) {
                String v = c.get(i);
                int k = v == null ? -1 : Arrays.binarySearch(known, v);
                if (k < 0) {
                    if (unknown == UnknownCategories.ERROR) {
                        throw new UnknownCategoryException(WHO, c.name(), i, v, known);
                    }
                    continue;
                }
                indicator[k][i] = 1;
            }
            List<Column> cols = new ArrayList<>(known.length);
            for (int k = 0; k < known.length; k++) {
                cols.add(NumericColumn.wrap(c.name() + "=" + known[k], indicator[k]));
            }
            replacements.put(c.name(), cols);
        }
        return data.replace(replacements);
    }

    @Override
    public boolean isFitted() {
        return categories != null;
    }

    /** The training categories of {@code column}, sorted. */
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
