package dev.kiln.semisupervised;

import dev.kiln.core.io.AtomicFiles;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Features;
import dev.kiln.core.tensor.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hides labels of a labelled set to make a semi-supervised one: a seeded choice of
 * {@code perClass} rows of each class keep their labels, every other row becomes unlabelled. The
 * choice is a {@link Split} of row indices that can be written to and read from a small text file,
 * so a peer (a scikit-learn script, a colleague) trains on exactly the same rows.
 *
 * <p>File format (UTF-8, one record per line, indices separated by single spaces, {@code #} lines
 * are comments):
 * <pre>
 * kiln-label-split 1
 * rows 1797
 * labelled 12 40 7 ...
 * unlabelled 0 1 2 ...
 * </pre>
 * {@code rows} is the size of the set the indices refer to; rows in neither list are left out
 * (a split of the first 340 of 1797 digits, say).
 */
public final class LabelHiding {
    static final String MAGIC = "kiln-label-split 1";

    private LabelHiding() {
    }

    /**
     * Which rows of a set of {@code rows} rows keep their label and which lose it; the two lists
     * are disjoint, in range, and keep their order (the order of the labelled and unlabelled parts).
     */
    public record Split(int rows, int[] labelled, int[] unlabelled) {
        public Split {
            if (rows < 0) {
                throw new IllegalArgumentException("LabelHiding.Split: rows must be >= 0, got " + rows);
            }
            labelled = labelled.clone();
            unlabelled = unlabelled.clone();
            boolean[] seen = new boolean[rows];
            check(labelled, "labelled", rows, seen);
            check(unlabelled, "unlabelled", rows, seen);
        }

        private static void check(int[] idx, String which, int rows, boolean[] seen) {
            for (int i : idx) {
                if (i < 0 || i >= rows) {
                    throw new IllegalArgumentException("LabelHiding.Split: " + which + " index " + i + " is outside [0, " + rows + ")");
                }
                if (seen[i]) {
                    throw new IllegalArgumentException("LabelHiding.Split: row " + i + " is listed twice (" + which
                            + "); a row is either labelled or unlabelled, once");
                }
                seen[i] = true;
            }
        }

        @Override
        public int[] labelled() {
            return labelled.clone();
        }

        @Override
        public int[] unlabelled() {
            return unlabelled.clone();
        }

        /** The semi-supervised set of {@code full}'s rows: labels kept for {@link #labelled}, dropped for the rest. */
        public SemiSupervisedSet apply(ClassificationSet full) {
            requireSize(full);
            return new SemiSupervisedSet(full.rows(labelled), Features.of(full.features()).select(unlabelled));
        }

        /** The true labels of the unlabelled rows, in their order: what an evaluation compares the transduction with. */
        public int[] hiddenLabels(ClassificationSet full) {
            requireSize(full);
            int[] out = new int[unlabelled.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = full.labels()[unlabelled[i]];
            }
            return out;
        }

        private void requireSize(ClassificationSet full) {
            if (full.size() != rows) {
                throw new IllegalArgumentException("LabelHiding.Split: made for a set of " + rows + " rows, applied to one of "
                        + full.size());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Split s && s.rows == rows && Arrays.equals(s.labelled, labelled)
                    && Arrays.equals(s.unlabelled, unlabelled);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * rows + Arrays.hashCode(labelled)) + Arrays.hashCode(unlabelled);
        }

        @Override
        public String toString() {
            return "Split[" + labelled.length + " labelled, " + unlabelled.length + " unlabelled of " + rows + " rows]";
        }
    }

    /**
     * Keeps {@code perClass} labels of every class present in {@code full}, chosen by a seeded
     * shuffle of that class's rows; both index lists come out ascending, so the file does not
     * depend on the shuffle's order.
     *
     * @throws IllegalArgumentException if a class has fewer than {@code perClass} rows (naming it)
     */
    public static Split hide(ClassificationSet full, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("LabelHiding.perClass: must be >= 1, got " + perClass);
        }
        int[] y = full.labels();
        int classes = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("LabelHiding: label " + y[i] + " at row " + i + " is negative");
            }
            classes = Math.max(classes, y[i] + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        Rng rng = new Rng(seed);
        boolean[] keep = new boolean[y.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            if (rows.isEmpty()) {
                continue; // a class id with no rows has nothing to hide
            }
            if (rows.size() < perClass) {
                throw new IllegalArgumentException("LabelHiding: class " + c + " has " + rows.size() + " rows, fewer than perClass = "
                        + perClass);
            }
            int[] p = rng.permutation(rows.size());
            for (int j = 0; j < perClass; j++) {
                keep[rows.get(p[j])] = true;
            }
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        int[] labelled = new int[kept];
        int[] unlabelled = new int[y.length - kept];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            if (keep[i]) {
                labelled[a++] = i;
            } else {
                unlabelled[b++] = i;
            }
        }
        return new Split(y.length, labelled, unlabelled);
    }

    /** Writes {@code split} to {@code file} atomically (temp file, then rename): a reader never sees half a split. */
    public static void write(Split split, Path file) throws IOException {
        StringBuilder s = new StringBuilder(MAGIC).append('\n');
        s.append("rows ").append(split.rows()).append('\n');
        line(s, "labelled", split.labelled);
        line(s, "unlabelled", split.unlabelled);
        AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder s, String key, int[] idx) {
        s.append(key);
        for (int i : idx) {
            s.append(' ').append(i);
        }
        s.append('\n');
    }

    /**
     * Reads a split written by {@link #write} (or by a peer in the same format).
     *
     * @throws IOException naming the file and the line when the content is not a split
     */
    public static Split read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "label split file not found");
        }
        Integer rows = null;
        int[] labelled = null;
        int[] unlabelled = null;
        boolean magic = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!magic) {
                if (!line.equals(MAGIC)) {
                    throw new IOException(file + ": line " + (n + 1) + " is '" + abbreviate(line) + "', expected '" + MAGIC + "'");
                }
                magic = true;
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                switch (parts[0]) {
                    case "rows" -> rows = Integer.parseInt(parts[1]);
                    case "labelled" -> labelled = ints(parts);
                    case "unlabelled" -> unlabelled = ints(parts);
                    default -> throw new IOException(file + ": line " + (n + 1) + " starts with unknown key '" + parts[0]
                            + "' (expected rows, labelled or unlabelled)");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(file + ": line " + (n + 1) + " ('" + abbreviate(line) + "') is not a key and integers", e);
            }
        }
        if (!magic || rows == null || labelled == null || unlabelled == null) {
            throw new IOException(file + ": incomplete label split; needs the '" + MAGIC
                    + "' header and the rows, labelled and unlabelled lines");
        }
        try {
            return new Split(rows, labelled, unlabelled);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int[] ints(String[] parts) {
        int[] out = new int[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            out[i - 1] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
