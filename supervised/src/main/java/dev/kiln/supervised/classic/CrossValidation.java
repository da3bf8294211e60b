package dev.kiln.supervised.classic;

import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;

/**
 * Cross-validated accuracy from a given fold assignment ({@code foldOf[i]} = the fold whose test
 * set holds row {@code i}), so the same folds can be replayed elsewhere (a scikit-learn peer reads
 * them from a file). The trainer is fitted afresh on each training part: anything it learns from
 * data, such as a scaler inside a pipeline, never sees the test fold.
 */
public final class CrossValidation {
    /** Accuracy per fold, their mean, and the total wall time spent in {@code fit}. */
    public record Result(double[] foldAccuracy, double meanAccuracy, double fitSeconds) {
    }

    private CrossValidation() {
    }

    public static Result accuracy(Trainer<ClassificationSet, ? extends Classifier> trainer, ClassificationSet data,
            int[] foldOf) {
        if (foldOf.length != data.size()) {
            throw new IllegalArgumentException("CrossValidation: " + foldOf.length + " fold numbers for "
                    + data.size() + " rows");
        }
        int k = 0;
        for (int f : foldOf) {
            if (f < 0) {
                throw new IllegalArgumentException("CrossValidation: negative fold number " + f);
            }
            k = Math.max(k, f + 1);
        }
        double[] acc = new double[k];
        long fitNanos = 0;
        double sum = 0;
        for (int f = 0; f < k; f++) {
            ClassificationSet train = subset(data, foldOf, f, false);
            ClassificationSet test = subset(data, foldOf, f, true);
            if (test.size() == 0) {
                throw new IllegalArgumentException("CrossValidation: fold " + f + " has no rows");
            }
            long t0 = System.nanoTime();
            Classifier model = trainer.fit(train);
            fitNanos += System.nanoTime() - t0;
            acc[f] = ClassificationMetrics.accuracy(test.labels(), model.predict(test.features()));
            sum += acc[f];
        }
        return new Result(acc, sum / k, fitNanos / 1e9);
    }

    private static ClassificationSet subset(ClassificationSet data, int[] foldOf, int fold, boolean inFold) {
        int n = 0;
        for (int f : foldOf) {
            n += (f == fold) == inFold ? 1 : 0;
        }
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0, j = 0; i < foldOf.length; i++) {
            if ((foldOf[i] == fold) == inFold) {
                x[j] = data.features()[i];
                y[j++] = data.labels()[i];
            }
        }
        return new ClassificationSet(x, y);
    }
}
