package dev.kiln.supervised.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.data.sets.ClassificationData;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.CrossValidation;
import dev.kiln.core.data.tabular.HolePuncher;
import dev.kiln.core.data.tabular.Pipeline;
import dev.kiln.core.data.tabular.SimpleImputer;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.train.Trainer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Breast cancer with 10% of its cells removed (seeded): an impute (mean) → scale → model pipeline
 * still trains, and its 5-fold CV accuracy stays within 2 points of the same pipeline on the complete
 * data (same folds).
 */
@Tag("slow")
class MissingValuesTest {
    @Test
    void imputeScaleModelStaysWithinTwoPointsOfCompleteData() {
        SklearnDatasets data = SklearnDatasets.fromCache();
        Assumptions.assumeTrue(data.available(), () -> "skipped: the scikit-learn datasets are not in "
                + data.dir() + "; fetch them with " + SklearnDatasets.FETCH_COMMAND);
        ClassificationData cancer = data.breastCancer();
        ClassificationSet complete = cancer.toClassificationSet();
        double[][] holed = HolePuncher.punch(complete.features(), 0.10, 7);
        int missing = 0;
        for (double[] row : holed) {
            for (double v : row) {
                missing += Double.isNaN(v) ? 1 : 0;
            }
        }
        assertThat(missing).isBetween(1600, 1820); // about 10% of 569 × 30 = 1707 cells
        ClassificationSet punched = new ClassificationSet(holed, complete.labels());
        var folds = ClassicCvSuite.foldList(cancer, 42);
        Supplier<Trainer<ClassificationSet, ? extends Classifier>> svm = SvmClassifier::new;
        Supplier<Trainer<ClassificationSet, ? extends Classifier>> logistic = LogisticRegression::new;
        for (var model : java.util.List.of(svm, logistic)) {
            var pipeline = Pipeline.of(SimpleImputer.mean(), new StandardScaler()).classifier(model.get());
            double full = CrossValidation.mean(CrossValidation.accuracy(pipeline, complete, folds));
            double withHoles = CrossValidation.mean(CrossValidation.accuracy(pipeline, punched, folds));
            assertThat(withHoles).as("%s: complete %.4f", model.get().getClass().getSimpleName(), full)
                    .isGreaterThanOrEqualTo(full - 0.02);
        }
    }
}
