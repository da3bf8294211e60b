package dev.kiln.core.data.tabular;

import java.util.Arrays;
import java.util.TreeSet;

/** A column of strings; {@code null} marks a missing cell. The array is copied in and out. */
public final class CategoricalColumn implements Column {
    private final String name;
    private final String[] values;

    public CategoricalColumn(String name, String[] values) {
        this(values.clone(), name);
    }

    /** Takes {@code values} without copying (argument order differs from the public constructor). */
    private CategoricalColumn(String[] values, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        this.name = name;
        this.values = values;
    }

    static CategoricalColumn wrap(String name, String[] values) {
        return new CategoricalColumn(values, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return values.length;
    }

    public String get(int row) {
        return values[row];
    }

    /** A copy of the values. */
    public String[] values() {
        return values.clone();
    }

    /** The distinct non-missing values, sorted (the order encoders use, like scikit-learn). */
    public String[] categories() {
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            if (v != null) {
                set.add(v);
            }
        }
        return set.toArray(String[]::new);
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return wrap(name, out);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return wrap(newName, values);
    }

    @Override
    public String format(int row) {
        return values[row] == null ? "NA" : values[row];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + values.length + " rows]";
    }
}
