package dev.kiln.examples.unsupervised;

import dev.kiln.examples.Options;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.DataCache;
import dev.kiln.core.data.tabular.DataFrame;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.examples.Example;
import dev.kiln.unsupervised.KMeans;
import dev.kiln.unsupervised.KMeansModel;
import dev.kiln.unsupervised.Points;
import dev.kiln.unsupervised.metrics.ExternalMetrics;
import dev.kiln.unsupervised.metrics.InternalMetrics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer segmentation: RFM features (recency, frequency, monetary) from a CSV, log-scaled and
 * standardised, clustered with k-means for k = 2..8; k is chosen by the silhouette (the inertia
 * column shows the elbow), and each segment is profiled in the original units.
 *
 * <p>{@code ./kiln example customers-kmeans [-- [--csv FILE] [--customers N] [--seed S] [--regenerate]]}.
 * Without {@code --csv} it uses {@code $KILN_DATA/customers/customers.csv}, generating it on first
 * run (see {@link CustomerData} for the generator); replace that file, or pass {@code --csv}, to
 * segment your own customers.
 */
public final class CustomersKMeansExample implements Example {
    @Override
    public String name() {
        return "customers-kmeans";
    }

    @Override
    public String description() {
        return "segment customers by recency/frequency/monetary with k-means; choose k by silhouette";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().string("csv", null, "customer table (default: KILN_DATA/customers/customers.csv)")
                .integer("customers", 4000, "customers to generate when the file is missing")
                .number("seed", 42, "seed of the generator and of k-means")
                .flag("regenerate", "write a fresh synthetic table even if the file exists");
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        Path csv = options.string("csv") != null ? Path.of(options.string("csv"))
                : DataCache.root().resolve("customers").resolve("customers.csv");
        int customers = options.integer("customers");
        long seed = options.number("seed");
        boolean regenerate = options.flag("regenerate");
        if (regenerate || !Files.exists(csv)) {
            CustomerData.write(CustomerData.generate(customers, seed), csv);
            out.printf("generated %d synthetic customers (seed %d) into %s%n", customers, seed, csv);
        }
        CustomerData.Table table = CustomerData.read(csv);
        double[][] raw = table.features();
        out.printf("read %d customers from %s; backend: %s%n", raw.length, csv, Backends.current().name());

        // Spend and order counts are heavily right-skewed: log1p first, or a few big spenders
        // dominate the distances; then z-scores so each feature counts equally.
        double[][] logged = new double[raw.length][3];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < 3; j++) {
                logged[i][j] = Math.log1p(raw[i][j]);
            }
        }
        DataFrame frame = DataFrame.ofRows(logged, List.of(CustomerData.FEATURES));
        double[][] x = new StandardScaler().fit(frame).transform(frame).toFeatures();
        Points points = Points.of(x);

        out.printf("%n%3s %12s %10s %10s %14s%n", "k", "inertia", "drop", "silhouette", "Davies-Bouldin");
        KMeansModel best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        double previous = Double.NaN;
        double[] inertia = new double[9];
        for (int k = 2; k <= 8; k++) {
            KMeansModel m = KMeans.builder(k).nInit(4).seed(0).build().fit(points);
            int[] labels = m.labels();
            double sil = InternalMetrics.silhouette(x, labels);
            double db = InternalMetrics.daviesBouldin(x, labels);
            String drop = Double.isNaN(previous) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * (1 - m.inertia() / previous));
            out.printf(Locale.ROOT, "%3d %12.1f %10s %10.4f %14.4f%n", k, m.inertia(), drop, sil, db);
            previous = m.inertia();
            inertia[k] = m.inertia();
            if (sil > bestSilhouette) {
                bestSilhouette = sil;
                best = m;
            }
        }
        // elbow: the k after which the inertia drop shrinks the most (largest second difference)
        int elbow = 3;
        for (int k = 3; k <= 7; k++) {
            double here = (inertia[k - 1] - inertia[k]) - (inertia[k] - inertia[k + 1]);
            double there = (inertia[elbow - 1] - inertia[elbow]) - (inertia[elbow] - inertia[elbow + 1]);
            elbow = here > there ? k : elbow;
        }
        out.printf(Locale.ROOT, "elbow of the inertia curve: k = %d%n", elbow);
        out.printf(Locale.ROOT, "chosen k = %d (highest silhouette, %.4f)%n", best.k(), bestSilhouette);
        printProfile(out, raw, best.labels(), best.k(), table.segments());
        return 0;
    }

    private static void printProfile(PrintStream out, double[][] raw, int[] labels, int k, String[] segments) {
        out.printf("%nsegment profile (means in original units)%n");
        out.printf("%7s %9s %6s %13s %10s %10s%s%n", "cluster", "customers", "share", "recency_days", "frequency",
                "monetary", segments != null ? "   most common known segment" : "");
        for (int c = 0; c < k; c++) {
            int size = 0;
            double[] sum = new double[3];
            Map<String, Integer> known = new HashMap<>();
            for (int i = 0; i < raw.length; i++) {
                if (labels[i] == c) {
                    size++;
                    for (int j = 0; j < 3; j++) {
                        sum[j] += raw[i][j];
                    }
                    if (segments != null) {
                        known.merge(segments[i], 1, Integer::sum);
                    }
                }
            }
            String common = "";
            if (segments != null) {
                var top = known.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
                common = String.format(Locale.ROOT, "   %s (%.0f%%)", top.getKey(), 100.0 * top.getValue() / size);
            }
            out.printf(Locale.ROOT, "%7d %9d %5.1f%% %13.1f %10.1f %10.2f%s%n", c, size, 100.0 * size / raw.length,
                    sum[0] / size, sum[1] / size, sum[2] / size, common);
        }
        if (segments != null) {
            int[] truth = new int[segments.length];
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                truth[i] = ids.computeIfAbsent(segments[i], s -> ids.size());
            }
            out.printf(Locale.ROOT, "agreement with the known segments: ARI %.3f, NMI %.3f%n",
                    ExternalMetrics.adjustedRandIndex(truth, labels), ExternalMetrics.normalizedMutualInformation(truth, labels));
        }
    }
}
