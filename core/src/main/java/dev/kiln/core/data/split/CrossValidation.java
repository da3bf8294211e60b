package dev.kiln.core.data.split;

import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.ml.RowSubsets;
import dev.kiln.core.train.Trainer;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Runs a trainer once per fold, fitting on the fold's training rows and scoring on its test rows.
 * Anything the trainer learns (a {@code Pipeline}'s scalers and imputers included) comes from the
 * training rows of that fold only. One loop ({@link #score}) serves every learner and data type;
 * the other methods name common scores.
 *
 * <pre>{@code
 * double[] acc = CrossValidation.accuracy(trainer, iris, StratifiedKFold.of(5).split(iris.labels()));
 * }</pre>
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** How a fitted model does on held-out rows (higher or lower is better as the caller reads it). */
    @FunctionalInterface
    public interface Score<M, S> {
        double of(M model, S test);
    }

    /** {@code score(model fitted on fold.train(), rows of fold.test())} for each fold. */
    public static <S extends RowSubsets<S>, M> double[] score(Trainer<S, ? extends M> trainer, S data,
            List<Fold> folds, Score<? super M, ? super S> score) {
        double[] out = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            M model = trainer.fit(data.rows(fold.train()));
            out[f] = score.of(model, data.rows(fold.test()));
        }
        return out;
    }

    /** Accuracy on each fold's test rows. */
    public static double[] accuracy(Trainer<ClassificationSet, ? extends Classifier> trainer, ClassificationSet data,
            List<Fold> folds) {
        return classification(trainer, data, folds, ClassificationMetrics::accuracy);
    }

    /** {@code score(trueLabels, predicted)} on each fold's test rows. */
    public static double[] classification(Trainer<ClassificationSet, ? extends Classifier> trainer,
            ClassificationSet data, List<Fold> folds, ToDoubleBiFunction<int[], int[]> score) {
        return CrossValidation.<ClassificationSet, Classifier>score(trainer, data, folds,
                (model, test) -> score.applyAsDouble(test.labels(), model.predict(test.inputs())));
    }

    /** {@code score(trueTargets, predicted)} on each fold's test rows (e.g. mean squared error). */
    public static double[] regression(Trainer<RegressionSet, ? extends Regressor> trainer, RegressionSet data,
            List<Fold> folds, ToDoubleBiFunction<double[], double[]> score) {
        return CrossValidation.<RegressionSet, Regressor>score(trainer, data, folds,
                (model, test) -> score.applyAsDouble(test.targets(), model.predict(test.inputs())));
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
