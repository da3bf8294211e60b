package dev.kiln.core.data.split;

import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.train.Trainer;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Runs a trainer once per fold, fitting on the fold's training rows and scoring on its test rows.
 * Anything the trainer learns (a {@code Pipeline}'s scalers and imputers included) comes from the
 * training rows of that fold only.
 *
 * <pre>{@code
 * double[] acc = CrossValidation.accuracy(trainer, iris, StratifiedKFold.of(5).split(iris.labels()));
 * }</pre>
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Accuracy on each fold's test rows. */
    public static double[] accuracy(Trainer<ClassificationSet, ? extends Classifier> trainer, ClassificationSet data,
            List<Fold> folds) {
        return classification(trainer, data, folds, ClassificationMetrics::accuracy);
    }

    /** {@code score(trueLabels, predicted)} on each fold's test rows. */
    public static double[] classification(Trainer<ClassificationSet, ? extends Classifier> trainer,
            ClassificationSet data, List<Fold> folds, ToDoubleBiFunction<int[], int[]> score) {
        double[] out = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            Classifier model = trainer.fit(Subsets.rows(data, fold.train()));
            ClassificationSet test = Subsets.rows(data, fold.test());
            out[f] = score.applyAsDouble(test.labels(), model.predict(test.features()));
        }
        return out;
    }

    /** {@code score(trueTargets, predicted)} on each fold's test rows (e.g. mean squared error). */
    public static double[] regression(Trainer<RegressionSet, ? extends Regressor> trainer, RegressionSet data,
            List<Fold> folds, ToDoubleBiFunction<double[], double[]> score) {
        double[] out = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            Regressor model = trainer.fit(Subsets.rows(data, fold.train()));
            RegressionSet test = Subsets.rows(data, fold.test());
            out[f] = score.applyAsDouble(test.targets(), model.predict(test.features()));
        }
        return out;
    }

    /** The mean of per-fold scores. */
    public static double mean(double[] scores) {
        double s = 0;
        for (double v : scores) {
            s += v;
        }
        return s / scores.length;
    }
}
