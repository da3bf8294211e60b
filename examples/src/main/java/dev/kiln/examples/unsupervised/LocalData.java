package dev.kiln.examples.unsupervised;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Minimal private readers for the two fetched files these examples need: scikit-learn's
 * {@code digits.csv.gz} and the MNIST training-image IDX file. They exist because the shared
 * loaders (core {@code dev.kiln.core.data}) were being written in parallel; switch to those once
 * merged. Both read from {@code $KILN_DATA} (default {@code ~/.cache/kiln/datasets}) and fail with
 * the file name and the fetch command.
 */
final class LocalData {
    private LocalData() {
    }

    record Labelled(double[][] x, int[] y) {
    }

    static Path dataDir() {
        String env = System.getenv("KILN_DATA");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "kiln", "datasets");
    }

    static Path require(String dataset, String file) throws IOException {
        Path p = dataDir().resolve(dataset).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IOException("missing " + p + ": run ./kiln data fetch " + dataset
                    + " (or scripts/fetch-data.sh " + dataset + ")");
        }
        return p;
    }

    /** The 1797 8x8 digits: 64 pixel columns (0..16) and the class in the last column. */
    static Labelled digits() throws IOException {
        Path p = require("sklearn", "digits.csv.gz");
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 65) {
                    throw new IOException(p + " line " + lineNo + ": expected 65 fields (64 pixels + class), got "
                            + f.length);
                }
                double[] x = new double[64];
                try {
                    for (int j = 0; j < 64; j++) {
                        x[j] = Double.parseDouble(f[j].trim());
                    }
                    labels.add((int) Double.parseDouble(f[64].trim()));
                } catch (NumberFormatException e) {
                    throw new IOException(p + " line " + lineNo + ": not a number: " + e.getMessage(), e);
                }
                rows.add(x);
            }
        }
        if (rows.size() != 1797) {
            throw new IOException(p + ": expected 1797 digits, read " + rows.size());
        }
        return new Labelled(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** MNIST training images as a row-major float array {@code [n, 784]}, pixels scaled to [0, 1]. */
    static float[] mnistTrainImages(int limit) throws IOException {
        Path p = require("mnist", "train-images-idx3-ubyte");
        try (InputStream raw = Files.newInputStream(p);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(p + ": bad IDX magic 0x" + Integer.toHexString(magic) + " (expected 0x803, "
                        + "unsigned-byte images of rank 3)");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != 28 || cols != 28) {
                throw new IOException(p + ": images are " + rows + "x" + cols + ", expected 28x28");
            }
            int take = limit > 0 ? Math.min(limit, n) : n;
            byte[] bytes = new byte[take * 784];
            in.readFully(bytes);
            float[] out = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = (bytes[i] & 0xFF) / 255f;
            }
            return out;
        }
    }
}
