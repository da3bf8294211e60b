package dev.kiln.semisupervised;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Features;
import java.util.Objects;

/**
 * Training data of a semi-supervised learner: a labelled part (rows with classes {@code 0..k-1})
 * and an unlabelled part (rows only), of the same width. Rows are shared, not copied, as
 * {@link Features} does.
 *
 * <p>Where a learner reports a result per training row (label spreading's transduction), the
 * order is the labelled rows first, then the unlabelled rows, each in its own order; a
 * {@link LabelHiding.Split} maps those positions back to the rows of the set it came from.
 */
public record SemiSupervisedSet(ClassificationSet labelled, Features unlabelled) {
    public SemiSupervisedSet {
        Objects.requireNonNull(labelled, "SemiSupervisedSet: labelled part is null");
        Objects.requireNonNull(unlabelled, "SemiSupervisedSet: unlabelled part is null");
        if (labelled.size() == 0) {
            throw new IllegalArgumentException("SemiSupervisedSet: the labelled part has no rows; at least one label is needed");
        }
        int width = labelled.inputs().width();
        if (unlabelled.size() > 0 && unlabelled.width() != width) {
            throw new IllegalArgumentException("SemiSupervisedSet: labelled rows have " + width
                    + " features but unlabelled rows have " + unlabelled.width());
        }
        int[] y = labelled.labels();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("SemiSupervisedSet: label " + y[i] + " of labelled row " + i
                        + " is negative; classes are 0..k-1 (put unlabelled rows in the unlabelled part, or use fromMarked)");
            }
        }
    }

    public static SemiSupervisedSet of(ClassificationSet labelled, double[][] unlabelled) {
        return new SemiSupervisedSet(labelled, Features.of(unlabelled));
    }

    /**
     * scikit-learn's convention: one matrix and a label per row where {@code -1} marks an
     * unlabelled row. The labelled rows come first in the result, so per-row results are in the
     * order {@code labelled rows, then unlabelled rows}, not the order of {@code x}.
     */
    public static SemiSupervisedSet fromMarked(double[][] x, int[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("SemiSupervisedSet.fromMarked: " + x.length + " rows but " + y.length + " labels");
        }
        int labelled = 0;
        for (int v : y) {
            if (v < -1) {
                throw new IllegalArgumentException("SemiSupervisedSet.fromMarked: label " + v + " is neither a class (>= 0) nor -1 (unlabelled)");
            }
            labelled += v >= 0 ? 1 : 0;
        }
        double[][] lx = new double[labelled][];
        int[] ly = new int[labelled];
        double[][] ux = new double[x.length - labelled][];
        int a = 0;
        int b = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] >= 0) {
                lx[a] = x[i];
                ly[a++] = y[i];
            } else {
                ux[b++] = x[i];
            }
        }
        return new SemiSupervisedSet(new ClassificationSet(lx, ly), Features.of(ux));
    }

    /** Number of classes: the largest label + 1 (at least 2, as the classic classifiers count). */
    public int numClasses() {
        int k = 0;
        for (int v : labelled.labels()) {
            k = Math.max(k, v + 1);
        }
        return Math.max(k, 2);
    }

    public int width() {
        return labelled.inputs().width();
    }

    public int labelledSize() {
        return labelled.size();
    }

    public int unlabelledSize() {
        return unlabelled.size();
    }

    /** All rows: labelled, then unlabelled. */
    public int size() {
        return labelled.size() + unlabelled.size();
    }

    /** Every row, labelled first then unlabelled (shared, not copied). */
    public Features allRows() {
        double[][] out = new double[size()][];
        double[][] l = labelled.features();
        System.arraycopy(l, 0, out, 0, l.length);
        System.arraycopy(unlabelled.rows(), 0, out, l.length, unlabelled.size());
        return Features.of(out);
    }

    @Override
    public String toString() {
        return "SemiSupervisedSet[" + labelled.size() + " labelled + " + unlabelled.size() + " unlabelled, " + width()
                + " features]";
    }
}
