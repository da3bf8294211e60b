package dev.kiln.examples.unsupervised;

import dev.kiln.core.tensor.Rng;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Customers described by RFM features, the classic marketing view of purchase history:
 * {@code recency_days} (days since the last order), {@code frequency} (orders in the last two
 * years) and {@code monetary} (total spend in those orders). Any CSV with those three column names
 * works; an optional {@code segment} column holds known segments to score the clustering against.
 *
 * <p>The generator draws a synthetic shop with five segments in realistic proportions and with the
 * skew real purchase data has (most customers buy rarely and spend little; a few spend a lot):
 * <ul>
 *   <li>champions (12%): bought in the last days (recency ~ 1 + Exp(mean 6)), often
 *       (frequency ~ LogNormal(median 28, σ 0.3)), big baskets (order value median 110);</li>
 *   <li>loyal (23%): recency 1 + Exp(mean 30), frequency median 10, order value median 55;</li>
 *   <li>new (18%): recency 1 + Exp(mean 10), one order (two for 35%), order value median 45;</li>
 *   <li>at risk (17%): were regulars (frequency median 7, order value median 70) but last bought
 *       about half a year ago (Normal(180, 30));</li>
 *   <li>hibernating (30%): last order one to two years ago (uniform 365–730 days), frequency
 *       median 1.5, order value median 30.</li>
 * </ul>
 * Frequencies and order values are LogNormal with σ 0.3–0.4 (order values 0.35–0.4); spend is frequency × order value × LogNormal(1, σ 0.15)
 * noise. Recency is capped at 730 days and frequency is at least 1. All draws come from one seeded
 * {@link Rng}, so a seed always gives the same file.
 */
final class CustomerData {
    static final String[] FEATURES = {"recency_days", "frequency", "monetary"};
    static final String[] SEGMENTS = {"champions", "loyal", "new", "at risk", "hibernating"};
    private static final double[] SHARES = {0.12, 0.23, 0.18, 0.17, 0.30};

    private CustomerData() {
    }

    /** Features {@code [n][3]} in file order and, when the file has them, segment names (else null). */
    record Table(double[][] features, String[] segments) {
    }

    static Table generate(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][3];
        String[] segment = new String[n];
        for (int i = 0; i < n; i++) {
            int s = pickSegment(rng.nextDouble());
            double recency;
            double frequency;
            double orderValue;
            switch (s) {
                case 0 -> {
                    recency = 1 + exponential(rng, 6);
                    frequency = logNormal(rng, 28, 0.3);
                    orderValue = logNormal(rng, 110, 0.35);
                }
                case 1 -> {
                    recency = 1 + exponential(rng, 30);
                    frequency = logNormal(rng, 10, 0.3);
                    orderValue = logNormal(rng, 55, 0.35);
                }
                case 2 -> {
                    recency = 1 + exponential(rng, 10);
                    frequency = rng.nextDouble() < 0.35 ? 2 : 1;
                    orderValue = logNormal(rng, 45, 0.4);
                }
                case 3 -> {
                    recency = 180 + 30 * rng.nextGaussian();
                    frequency = logNormal(rng, 7, 0.35);
                    orderValue = logNormal(rng, 70, 0.4);
                }
                default -> {
                    recency = 365 + 365 * rng.nextDouble();
                    frequency = logNormal(rng, 1.5, 0.4);
                    orderValue = logNormal(rng, 30, 0.4);
                }
            }
            x[i][0] = Math.rint(Math.min(730, Math.max(1, recency)));
            x[i][1] = Math.max(1, Math.rint(frequency));
            x[i][2] = Math.rint(100 * x[i][1] * orderValue * logNormal(rng, 1, 0.15)) / 100;
            segment[i] = SEGMENTS[s];
        }
        return new Table(x, segment);
    }

    private static int pickSegment(double u) {
        double c = 0;
        for (int s = 0; s < SHARES.length; s++) {
            c += SHARES[s];
            if (u < c) {
                return s;
            }
        }
        return SHARES.length - 1;
    }

    private static double exponential(Rng rng, double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }

    private static double logNormal(Rng rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Writes the table as CSV through a temporary file and an atomic rename. */
    static void write(Table t, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("customer_id," + String.join(",", FEATURES) + (t.segments() != null ? ",segment" : ""));
                w.newLine();
                for (int i = 0; i < t.features().length; i++) {
                    double[] r = t.features()[i];
                    w.write(String.format(Locale.ROOT, "C%05d,%.0f,%.0f,%.2f", i + 1, r[0], r[1], r[2]));
                    if (t.segments() != null) {
                        w.write("," + t.segments()[i]);
                    }
                    w.newLine();
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a CSV with a header naming at least the three RFM columns (any order, extra columns ignored). */
    static Table read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        int segmentCol;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + ": empty file (expected a header with " + String.join(", ", FEATURES) + ")");
            }
            List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int[] cols = new int[FEATURES.length];
            for (int f = 0; f < FEATURES.length; f++) {
                cols[f] = names.indexOf(FEATURES[f]);
                if (cols[f] < 0) {
                    throw new IOException(file + ": the header has no column '" + FEATURES[f] + "' (found " + names + ")");
                }
            }
            segmentCol = names.indexOf("segment");
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != names.size()) {
                    throw new IOException(file + " line " + lineNo + ": " + fields.length + " fields, the header has "
                            + names.size());
                }
                double[] row = new double[FEATURES.length];
                for (int f = 0; f < FEATURES.length; f++) {
                    try {
                        row[f] = Double.parseDouble(fields[cols[f]].trim());
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " line " + lineNo + ", column " + FEATURES[f] + ": '"
                                + fields[cols[f]] + "' is not a number", e);
                    }
                    if (!Double.isFinite(row[f]) || row[f] < 0) {
                        throw new IOException(file + " line " + lineNo + ", column " + FEATURES[f] + ": " + row[f]
                                + " is not a non-negative number");
                    }
                }
                rows.add(row);
                if (segmentCol >= 0) {
                    segments.add(fields[segmentCol].trim());
                }
            }
        }
        if (rows.size() < 10) {
            throw new IOException(file + ": only " + rows.size() + " customers; need at least 10 to cluster");
        }
        return new Table(rows.toArray(double[][]::new), segmentCol >= 0 ? segments.toArray(String[]::new) : null);
    }
}
