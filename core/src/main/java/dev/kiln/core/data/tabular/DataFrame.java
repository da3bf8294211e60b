package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.RegressionSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of named columns of equal length: numeric ({@code NaN} = missing) and
 * categorical ({@code null} = missing). Row and column selection return new frames that share
 * nothing mutable with this one. {@link #toFeatures()} and {@link #toClassificationSet(String)} /
 * {@link #toRegressionSet(String)} hand the numbers to the classic model trainers.
 */
public final class DataFrame {
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int rows;

    private DataFrame(List<Column> columns, int rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.size() != rows) {
                throw new IllegalArgumentException("DataFrame: column '" + c.name() + "' has " + c.size()
                        + " rows but the frame has " + rows);
            }
            if (index.put(c.name(), i) != null) {
                throw new IllegalArgumentException("DataFrame: duplicate column name '" + c.name() + "'");
            }
        }
    }

    /** A frame of the given columns (at least one; all of the same length). */
    public static DataFrame of(List<? extends Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("DataFrame.of: no columns; use DataFrame.empty(rows)");
        }
        return new DataFrame(new ArrayList<>(columns), columns.get(0).size());
    }

    public static DataFrame of(Column... columns) {
        return of(Arrays.asList(columns));
    }

    /** A frame with {@code rows} rows and no columns (the start for {@link #with(Column)}). */
    public static DataFrame empty(int rows) {
        return new DataFrame(List.of(), rows);
    }

    /** Numeric columns named {@code names} from row-major {@code rows[row][column]}. */
    public static DataFrame ofRows(double[][] rows, List<String> names) {
        List<Column> cols = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != names.size()) {
                    throw new IllegalArgumentException("DataFrame.ofRows: row " + i + " has " + rows[i].length
                            + " values but there are " + names.size() + " column names");
                }
                v[i] = rows[i][j];
            }
            cols.add(NumericColumn.wrap(names.get(j), v));
        }
        return new DataFrame(cols, rows.length);
    }

    /** Numeric columns named {@code x0, x1, ...} from row-major features. */
    public static DataFrame ofRows(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        return ofRows(rows, defaultNames(d));
    }

    /** {@code x0 .. x(d-1)}: the names used for features that come without names. */
    public static List<String> defaultNames(int d) {
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("DataFrame: no column '" + name + "'; columns are " + names());
        }
        return columns.get(i);
    }

    public Column column(int position) {
        return columns.get(position);
    }

    public NumericColumn numeric(String name) {
        Column c = column(name);
        if (c instanceof NumericColumn n) {
            return n;
        }
        throw new IllegalArgumentException("DataFrame: column '" + name + "' is categorical, not numeric");
    }

    public CategoricalColumn categorical(String name) {
        Column c = column(name);
        if (c instanceof CategoricalColumn s) {
            return s;
        }
        throw new IllegalArgumentException("DataFrame: column '" + name + "' is numeric, not categorical");
    }

    /** Names of the columns of one type, in frame order. */
    public List<String> names(ColumnType type) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.type() == type) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The rows at {@code rowIndices}, in that order (repeats allowed). */
    public DataFrame rows(int[] rowIndices) {
        for (int r : rowIndices) {
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("DataFrame: row " + r + " outside [0, " + rows + ")");
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowIndices));
        }
        return new DataFrame(out, rowIndices.length);
    }

    /** Only the named columns, in the given order. */
    public DataFrame select(List<String> names) {
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(column(n));
        }
        return new DataFrame(out, rows);
    }

    public DataFrame select(String... names) {
        return select(Arrays.asList(names));
    }

    /** All columns except the named ones (each must exist). */
    public DataFrame drop(String... names) {
        List<String> keep = new ArrayList<>(names());
        for (String n : names) {
            column(n);
            keep.remove(n);
        }
        return select(keep);
    }

    /** This frame with {@code column} added at the end, or replacing the column of the same name in place. */
    public DataFrame with(Column column) {
        List<Column> out = new ArrayList<>(columns);
        Integer i = index.get(column.name());
        if (i == null) {
            out.add(column);
        } else {
            out.set(i, column);
        }
        return new DataFrame(out, columns.isEmpty() ? column.size() : rows);
    }

    /** Replaces columns: each entry of {@code replacements} takes the place of the named column (may expand it into several). */
    public DataFrame replace(Map<String, List<Column>> replacements) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            List<Column> r = replacements.get(c.name());
            if (r == null) {
                out.add(c);
            } else {
                out.addAll(r);
            }
        }
        return new DataFrame(out, rows);
    }

    /** Total missing cells. */
    public int missingCount() {
        int n = 0;
        for (Column c : columns) {
            n += c.missingCount();
        }
        return n;
    }

    /**
     * All columns as row-major features {@code [row][column]}. Every column must be numeric
     * (encode categorical columns first); missing cells stay {@code NaN}.
     */
    public double[][] toFeatures() {
        List<String> cat = names(ColumnType.CATEGORICAL);
        if (!cat.isEmpty()) {
            throw new IllegalStateException("DataFrame.toFeatures: columns " + cat
                    + " are categorical; encode them first (OneHotEncoder or OrdinalEncoder)");
        }
        double[][] x = new double[rows][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = (NumericColumn) columns.get(j);
            for (int i = 0; i < rows; i++) {
                x[i][j] = c.get(i);
            }
        }
        return x;
    }

    /**
     * Class labels from a numeric column holding non-negative integers, used as they are (class
     * {@code k} is the value {@code k}). For string labels use {@link LabelEncoder}.
     */
    public int[] labels(String name) {
        Column c = column(name);
        if (!(c instanceof NumericColumn n)) {
            throw new IllegalArgumentException("DataFrame.labels: column '" + name
                    + "' is categorical; map it to 0..k-1 with LabelEncoder first");
        }
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = n.get(i);
            if (Double.isNaN(v) || v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("DataFrame.labels: column '" + name + "' row " + i
                        + " holds " + n.format(i) + ", not a class index (a non-negative integer)");
            }
            y[i] = (int) v;
        }
        return y;
    }

    /** Features = every column but {@code labelColumn}; labels as {@link #labels(String)}. */
    public ClassificationSet toClassificationSet(String labelColumn) {
        int[] y = labels(labelColumn);
        return new ClassificationSet(drop(labelColumn).toFeatures(), y);
    }

    /** Features = every column but {@code targetColumn}, which must be numeric without missing values. */
    public RegressionSet toRegressionSet(String targetColumn) {
        NumericColumn t = numeric(targetColumn);
        for (int i = 0; i < rows; i++) {
            if (t.isMissing(i)) {
                throw new IllegalArgumentException("DataFrame.toRegressionSet: target '" + targetColumn
                        + "' is missing at row " + i + "; drop such rows first (RowCleaner)");
            }
        }
        return new RegressionSet(drop(targetColumn).toFeatures(), t.values());
    }

    /** The first {@code n} rows as an aligned text table (for printing). */
    public String head(int n) {
        int shown = Math.min(n, rows);
        String[][] cells = new String[shown + 1][columns.size()];
        int[] width = new int[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            cells[0][j] = columns.get(j).name();
            for (int i = 0; i < shown; i++) {
                cells[i + 1][j] = columns.get(j).format(i);
            }
            for (String[] row : cells) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                sb.append(j == 0 ? "" : "  ").append(" ".repeat(width[j] - row[j].length())).append(row[j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataFrame f && f.rows == rows && f.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + rows;
    }

    @Override
    public String toString() {
        return "DataFrame[" + rows + " rows x " + columns.size() + " columns " + names() + "]";
    }
}
