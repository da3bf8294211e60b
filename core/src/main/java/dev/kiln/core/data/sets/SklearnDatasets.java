package dev.kiln.core.data.sets;

import dev.kiln.core.data.tabular.ColumnType;
import dev.kiln.core.data.tabular.CsvReader;
import dev.kiln.core.data.tabular.DataFrame;
import dev.kiln.core.data.tabular.NumericColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loaders for scikit-learn's bundled toy datasets, read from {@code $KILN_DATA/sklearn/} (fetched
 * by {@code scripts/fetch-data.sh sklearn}). Feature names are scikit-learn's.
 *
 * <ul>
 *   <li>iris, wine, breast cancer: first line {@code n_samples,n_features,class names...}, then one
 *       row per sample with the features and the class index last; the sizes on the first line are
 *       checked.</li>
 *   <li>digits: gzipped, no header, 64 pixel values (0..16) then the digit.</li>
 *   <li>diabetes: two gzipped files, {@code diabetes_data_raw.csv.gz} (10 space-separated raw
 *       features) and {@code diabetes_target.csv.gz} (one target per line).</li>
 * </ul>
 *
 * A missing file throws {@link MissingDatasetException} naming the path and the fetch command;
 * a malformed one a {@link dev.kiln.core.data.tabular.CsvFormatException} naming file, line and column.
 */
public final class SklearnDatasets {
    /** The command that fetches these files into the cache. */
    public static final String FETCH_COMMAND = "scripts/fetch-data.sh sklearn   (or: ./kiln data fetch sklearn)";

    private static final List<String> IRIS_FEATURES = List.of("sepal length (cm)", "sepal width (cm)",
            "petal length (cm)", "petal width (cm)");
    private static final List<String> WINE_FEATURES = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash",
            "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins",
            "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline");
    private static final List<String> CANCER_MEASURES = List.of("radius", "texture", "perimeter", "area",
            "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension");
    private static final List<String> DIABETES_FEATURES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3",
            "s4", "s5", "s6");

    private final Path dir;

    /** Reads from {@code dir} (a folder holding the files, e.g. {@code $KILN_DATA/sklearn}). */
    public SklearnDatasets(Path dir) {
        this.dir = dir;
    }

    /** Reads from {@code DataCache.root()/sklearn}. */
    public static SklearnDatasets fromCache() {
        return new SklearnDatasets(DataCache.root().resolve("sklearn"));
    }

    public Path dir() {
        return dir;
    }

    /** Whether every file is present (tests use this to skip with a clear message). */
    public boolean available() {
        for (String f : List.of("iris.csv", "wine_data.csv", "breast_cancer.csv", "digits.csv.gz",
                "diabetes_data_raw.csv.gz", "diabetes_target.csv.gz")) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** Iris: 150 rows, 4 features, 3 classes (setosa, versicolor, virginica). */
    public ClassificationData iris() {
        return headed("iris", "iris.csv", IRIS_FEATURES);
    }

    /** Wine: 178 rows, 13 features, 3 classes. */
    public ClassificationData wine() {
        return headed("wine", "wine_data.csv", WINE_FEATURES);
    }

    /** Breast cancer (Wisconsin diagnostic): 569 rows, 30 features, classes malignant (0) and benign (1). */
    public ClassificationData breastCancer() {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("mean %s", "%s error", "worst %s")) {
            for (String m : CANCER_MEASURES) {
                names.add(prefix.formatted(m));
            }
        }
        return headed("breast cancer", "breast_cancer.csv", names);
    }

    /** Digits: 1797 rows of 8x8 images (features {@code pixel_r_c}, values 0..16), 10 classes. */
    public ClassificationData digits() {
        Path file = require("digits", "digits.csv.gz");
        List<String> names = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                names.add("pixel_" + r + "_" + c);
            }
        }
        names.add("target");
        DataFrame all = read(CsvReader.builder().header(false).names(names).allColumns(ColumnType.NUMERIC).build(),
                file);
        List<String> classes = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            classes.add(Integer.toString(d));
        }
        return labelled("digits", file, all, "target", 1797, classes);
    }

    /** Diabetes: 442 rows, 10 raw (unscaled) features, a disease-progression target. */
    public RegressionData diabetes() {
        Path x = require("diabetes", "diabetes_data_raw.csv.gz");
        Path y = require("diabetes", "diabetes_target.csv.gz");
        DataFrame features = read(CsvReader.builder().header(false).delimiter(' ').names(DIABETES_FEATURES)
                .allColumns(ColumnType.NUMERIC).build(), x);
        DataFrame target = read(CsvReader.builder().header(false).names(List.of("target"))
                .allColumns(ColumnType.NUMERIC).build(), y);
        if (features.rowCount() != 442 || target.rowCount() != 442) {
            throw new IllegalStateException("diabetes: expected 442 rows in " + x + " and " + y + ", found "
                    + features.rowCount() + " and " + target.rowCount());
        }
        noMissing("diabetes", x, features);
        noMissing("diabetes", y, target);
        return new RegressionData("diabetes", features, target.numeric("target").values());
    }

    /**
     * Diabetes with scikit-learn's default scaling ({@code load_diabetes(scaled=True)}): each
     * feature centred and divided by {@code std * sqrt(n)} (population std), so its sum of squares is 1.
     */
    public RegressionData diabetesScaled() {
        RegressionData raw = diabetes();
        List<NumericColumn> cols = new ArrayList<>();
        int n = raw.size();
        for (String name : raw.features().names()) {
            double[] v = raw.features().numeric(name).values();
            double mean = Arrays.stream(v).average().orElseThrow();
            double ss = 0;
            for (double d : v) {
                ss += (d - mean) * (d - mean);
            }
            double std = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                v[i] = (v[i] - mean) / std / Math.sqrt(n);
            }
            cols.add(new NumericColumn(name, v));
        }
        return new RegressionData("diabetes", DataFrame.of(cols), raw.targets());
    }

    private ClassificationData headed(String dataset, String fileName, List<String> featureNames) {
        Path file = require(dataset, fileName);
        String[] first;
        try (InputStream in = Files.newInputStream(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line == null) {
                throw new IllegalStateException(dataset + ": " + file + " is empty");
            }
            first = line.split(",");
        } catch (IOException e) {
            throw new UncheckedIOException(dataset + ": cannot read " + file, e);
        }
        int samples;
        int features;
        try {
            samples = Integer.parseInt(first[0].strip());
            features = Integer.parseInt(first[1].strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(dataset + ": " + file + " line 1 should start with n_samples,n_features"
                    + " but reads " + String.join(",", first), e);
        }
        if (features != featureNames.size()) {
            throw new IllegalStateException(dataset + ": " + file + " line 1 says " + features
                    + " features, expected " + featureNames.size());
        }
        List<String> names = new ArrayList<>(featureNames);
        names.add("target");
        DataFrame all = read(CsvReader.builder().header(false).skipLines(1).names(names)
                .allColumns(ColumnType.NUMERIC).build(), file);
        List<String> classes = List.of(first).subList(2, first.length).stream().map(String::strip).toList();
        return labelled(dataset, file, all, "target", samples, classes);
    }

    private static ClassificationData labelled(String dataset, Path file, DataFrame all, String target,
            int expectedRows, List<String> classes) {
        if (all.rowCount() != expectedRows) {
            throw new IllegalStateException(dataset + ": " + file + " has " + all.rowCount() + " rows, expected "
                    + expectedRows);
        }
        noMissing(dataset, file, all);
        int[] labels = all.labels(target);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes.size()) {
                throw new IllegalStateException(dataset + ": " + file + " row " + (i + 1) + " has class "
                        + labels[i] + " but only " + classes.size() + " classes are named");
            }
        }
        return new ClassificationData(dataset, all.drop(target), labels, classes);
    }

    private static void noMissing(String dataset, Path file, DataFrame frame) {
        if (frame.missingCount() > 0) {
            for (var c : frame.columns()) {
                for (int i = 0; i < c.size(); i++) {
                    if (c.isMissing(i)) {
                        throw new IllegalStateException(dataset + ": " + file + " has a missing value in column '"
                                + c.name() + "' at data row " + (i + 1));
                    }
                }
            }
        }
    }

    private Path require(String dataset, String fileName) {
        Path p = dir.resolve(fileName);
        if (!Files.isRegularFile(p)) {
            throw new MissingDatasetException(dataset, p, FETCH_COMMAND);
        }
        return p;
    }

    private static DataFrame read(CsvReader reader, Path file) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
