package dev.kiln.core.data.tabular;

import java.util.Arrays;

/** A column of doubles; {@code NaN} marks a missing cell. The array is copied in and out. */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    public NumericColumn(String name, double[] values) {
        this(values.clone(), name);
    }

    /** Takes {@code values} without copying (argument order differs from the public constructor). */
    private NumericColumn(double[] values, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        this.name = name;
        this.values = values;
    }

    /** Wraps an array the caller hands over and will not touch again (no copy). */
    static NumericColumn wrap(String name, double[] values) {
        return new NumericColumn(values, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return wrap(name, out);
    }

    @Override
    public NumericColumn rename(String newName) {
        return wrap(newName, values);
    }

    @Override
    public String format(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return "NA";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
