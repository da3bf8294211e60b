package dev.kiln.semisupervised;

import dev.kiln.core.io.AtomicFiles;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Features;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a fully labelled set into a semi-supervised one by keeping the labels of a few rows per
 * class and hiding the rest. The chosen rows are a {@link Split}, which is written as a plain text
 * file (one row index per line, {@code #} header lines) so that a peer (scikit-learn:
 * {@code numpy.loadtxt(path, dtype=int)}) hides exactly the same labels.
 */
public final class LabelHiding {
    private static final String MAGIC = "# kiln label-hiding split v1";

    private LabelHiding() {
    }

    /**
     * Which rows of a set of {@code rows} rows keep their label ({@code labelled}, ascending) and
     * which do not ({@code unlabelled}, ascending, the complement).
     */
    public record Split(int rows, int[] labelled, int[] unlabelled) {
        public Split {
            boolean[] seen = new boolean[rows];
            for (int[] part : new int[][] {labelled, unlabelled}) {
                for (int i : part) {
                    if (i < 0 || i >= rows) {
                        throw new IllegalArgumentException("LabelHiding.Split: row index " + i + " outside [0, " + rows + ")");
                    }
                    if (seen[i]) {
                        throw new IllegalArgumentException("LabelHiding.Split: row index " + i + " appears twice");
                    }
                    seen[i] = true;
                }
            }
            if (labelled.length + unlabelled.length != rows) {
                throw new IllegalArgumentException("LabelHiding.Split: " + labelled.length + " labelled + "
                        + unlabelled.length + " unlabelled rows do not cover all " + rows + " rows");
            }
            labelled = labelled.clone();
            unlabelled = unlabelled.clone();
        }

        /** The split whose labelled rows are {@code labelled} (any order, no repeats); the rest are unlabelled. */
        public static Split ofLabelled(int rows, int[] labelled) {
            boolean[] keep = new boolean[rows];
            for (int i : labelled) {
                if (i < 0 || i >= rows) {
                    throw new IllegalArgumentException("LabelHiding.Split: row index " + i + " outside [0, " + rows + ")");
                }
                if (keep[i]) {
                    throw new IllegalArgumentException("LabelHiding.Split: row index " + i + " appears twice");
                }
                keep[i] = true;
            }
            int[] sorted = labelled.clone();
            Arrays.sort(sorted);
            int[] rest = new int[rows - sorted.length];
            int r = 0;
            for (int i = 0; i < rows; i++) {
                if (!keep[i]) {
                    rest[r++] = i;
                }
            }
            return new Split(rows, sorted, rest);
        }

        @Override
        public int[] labelled() {
            return labelled.clone();
        }

        @Override
        public int[] unlabelled() {
            return unlabelled.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Split s && s.rows == rows && Arrays.equals(s.labelled, labelled)
                    && Arrays.equals(s.unlabelled, unlabelled);
        }

        @Override
        public int hashCode() {
            return 31 * rows + Arrays.hashCode(labelled);
        }

        @Override
        public String toString() {
            return "Split[" + labelled.length + " of " + rows + " rows labelled]";
        }

        /**
         * Writes the labelled indices, one per line, after a header naming the row count; the file
         * appears whole or not at all (temporary file, then rename), so a peer never reads half a split.
         */
        public void write(Path file) throws IOException {
            StringBuilder sb = new StringBuilder(MAGIC).append('\n');
            sb.append("# rows=").append(rows).append('\n');
            sb.append("# labelled=").append(labelled.length).append('\n');
            for (int i : labelled) {
                sb.append(i).append('\n');
            }
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
        }

        /** Reads a file written by {@link #write}; errors name the file and the line. */
        public static Split read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
                throw new IOException(file + ": not a label-hiding split (first line should be '" + MAGIC + "')");
            }
            int rows = -1;
            int declared = -1;
            List<Integer> idx = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    if (line.startsWith("# rows=")) {
                        rows = Integer.parseInt(line.substring(7));
                    } else if (line.startsWith("# labelled=")) {
                        declared = Integer.parseInt(line.substring(11));
                    } else if (!line.startsWith("#")) {
                        idx.add(Integer.parseInt(line));
                    }
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + (n + 1) + " '" + line + "' is not a number", e);
                }
            }
            if (rows < 0) {
                throw new IOException(file + ": no '# rows=N' header line");
            }
            if (declared >= 0 && declared != idx.size()) {
                throw new IOException(file + ": header says " + declared + " labelled rows but the file lists " + idx.size()
                        + " (truncated?)");
            }
            try {
                return ofLabelled(rows, idx.stream().mapToInt(Integer::intValue).toArray());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Keeps {@code perClass} labels of each class, chosen uniformly at random with {@code seed};
     * the same data, count and seed always give the same split.
     *
     * @throws IllegalArgumentException if a class has fewer than {@code perClass} rows
     */
    public static Split choose(ClassificationSet data, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("LabelHiding.perClass: must be >= 1, got " + perClass);
        }
        int[] y = data.labels();
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("LabelHiding: label " + y[i] + " of row " + i + " is negative");
            }
            k = Math.max(k, y[i] + 1);
        }
        int[][] byClass = new int[k][];
        int[] count = new int[k];
        for (int v : y) {
            count[v]++;
        }
        for (int c = 0; c < k; c++) {
            byClass[c] = new int[count[c]];
            count[c] = 0;
        }
        for (int i = 0; i < y.length; i++) {
            byClass[y[i]][count[y[i]]++] = i;
        }
        // one stream for all classes, consumed in class order: the split depends only on the seed
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = new int[0];
        for (int c = 0; c < k; c++) {
            int[] rows = byClass[c];
            if (rows.length == 0) {
                continue; // a label value nobody has is not a class of this data
            }
            if (rows.length < perClass) {
                throw new IllegalArgumentException("LabelHiding.perClass: class " + c + " has only " + rows.length
                        + " rows, fewer than the " + perClass + " labels to keep");
            }
            // partial Fisher-Yates: the first perClass slots become a uniform sample
            for (int i = 0; i < perClass; i++) {
                int j = i + rng.nextInt(rows.length - i);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            int from = chosen.length;
            chosen = Arrays.copyOf(chosen, from + perClass);
            System.arraycopy(rows, 0, chosen, from, perClass);
        }
        return Split.ofLabelled(y.length, chosen);
    }

    /** The semi-supervised set of {@code data} under {@code split}: its labelled rows keep their labels. */
    public static SemiSupervisedSet apply(ClassificationSet data, Split split) {
        if (split.rows() != data.size()) {
            throw new IllegalArgumentException("LabelHiding: the split is for " + split.rows() + " rows but the data has "
                    + data.size());
        }
        return new SemiSupervisedSet(data.rows(split.labelled), Features.of(data.features()).select(split.unlabelled));
    }

    /** The hidden labels, in the order of the unlabelled part: what a test scores the transduction against. */
    public static int[] hiddenLabels(ClassificationSet data, Split split) {
        int[] out = new int[split.unlabelled.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.labels()[split.unlabelled[i]];
        }
        return out;
    }
}
