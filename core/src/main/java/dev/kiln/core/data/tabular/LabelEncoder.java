package dev.kiln.core.data.tabular;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps class labels (strings, or numbers such as 1, 2, 3) to class indices {@code 0..k-1} in
 * sorted order, and back (scikit-learn's {@code LabelEncoder}). Immutable: {@link #fit} returns
 * the fitted encoder. Missing labels and labels not seen in fit are errors naming the row.
 */
public final class LabelEncoder {
    private static final String WHO = "LabelEncoder";
    private final String[] classes;   // sorted (strings) or in numeric order (numbers)
    private final double[] numeric;   // the numeric class values, or null for string labels

    public LabelEncoder() {
        this(null, null);
    }

    private LabelEncoder(String[] classes, double[] numeric) {
        this.classes = classes;
        this.numeric = numeric;
    }

    /** Learns the classes of a label column (numeric: sorted by value; categorical: sorted as strings). */
    public LabelEncoder fit(Column labels) {
        if (labels instanceof NumericColumn n) {
            TreeSet<Double> set = new TreeSet<>();
            for (int i = 0; i < n.size(); i++) {
                set.add(present(n, i));
            }
            double[] values = set.stream().mapToDouble(Double::doubleValue).toArray();
            String[] names = new String[values.length];
            NumericColumn formatter = new NumericColumn("label", values);
            for (int k = 0; k < values.length; k++) {
                names[k] = formatter.format(k);
            }
            return new LabelEncoder(names, values);
        }
        CategoricalColumn c = (CategoricalColumn) labels;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException(WHO + ": label column '" + c.name() + "' is missing at row " + i
                        + "; drop such rows first (RowCleaner)");
            }
        }
        return new LabelEncoder(c.categories(), null);
    }

    /** Learns the classes of string labels. */
    public LabelEncoder fit(String[] labels) {
        return fit(new CategoricalColumn("label", labels));
    }

    /** The class index of each label. */
    public int[] encode(Column labels) {
        requireFitted();
        int[] out = new int[labels.size()];
        if (numeric != null) {
            if (!(labels instanceof NumericColumn n)) {
                throw new IllegalArgumentException(WHO + " was fitted on numeric labels but column '" + labels.name()
                        + "' is categorical");
            }
            for (int i = 0; i < out.length; i++) {
                double v = present(n, i);
                int k = Arrays.binarySearch(numeric, v);
                if (k < 0) {
                    throw unseen(n.name(), i, n.format(i));
                }
                out[i] = k;
            }
            return out;
        }
        if (!(labels instanceof CategoricalColumn c)) {
            throw new IllegalArgumentException(WHO + " was fitted on string labels but column '" + labels.name()
                    + "' is numeric");
        }
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException(WHO + ": label column '" + c.name() + "' is missing at row " + i);
            }
            int k = Arrays.binarySearch(classes, c.get(i));
            if (k < 0) {
                throw unseen(c.name(), i, c.get(i));
            }
            out[i] = k;
        }
        return out;
    }

    public int[] encode(String[] labels) {
        return encode(new CategoricalColumn("label", labels));
    }

    /** The class name of each index. */
    public String[] decode(int[] indices) {
        requireFitted();
        String[] out = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= classes.length) {
                throw new IllegalArgumentException(WHO + ": class index " + indices[i] + " at position " + i
                        + " is outside [0, " + classes.length + ")");
            }
            out[i] = classes[indices[i]];
        }
        return out;
    }

    /** Class names; class {@code k} is {@code classes().get(k)}. */
    public List<String> classes() {
        requireFitted();
        return List.of(classes);
    }

    public int numClasses() {
        requireFitted();
        return classes.length;
    }

    public boolean isFitted() {
        return classes != null;
    }

    private void requireFitted() {
        if (classes == null) {
            throw new NotFittedException(WHO);
        }
    }

    private static double present(NumericColumn n, int i) {
        if (n.isMissing(i)) {
            throw new IllegalArgumentException(WHO + ": label column '" + n.name() + "' is missing at row " + i
                    + "; drop such rows first (RowCleaner)");
        }
        return n.get(i);
    }

    private IllegalArgumentException unseen(String column, int row, String value) {
        return new IllegalArgumentException(WHO + ": column '" + column + "' row " + row + " holds label '" + value
                + "', not seen during fit (classes: " + String.join(", ", classes) + ")");
    }
}
