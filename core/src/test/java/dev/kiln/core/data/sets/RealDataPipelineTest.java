package dev.kiln.core.data.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.data.split.CrossValidation;
import dev.kiln.core.data.split.Fold;
import dev.kiln.core.data.split.StratifiedKFold;
import dev.kiln.core.data.tabular.HolePuncher;
import dev.kiln.core.data.tabular.Pipeline;
import dev.kiln.core.data.tabular.SimpleImputer;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.data.tabular.TestModels;
import dev.kiln.core.ml.ClassificationSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-preparation chain on real data, with a nearest-centroid model (test code): scaling must
 * help on wine (features on very different scales), and 10% of breast-cancer cells punched out
 * must cost little once imputed.
 */
@Tag("slow")
class RealDataPipelineTest {
    private static final Logger LOG = LoggerFactory.getLogger(RealDataPipelineTest.class);
    private static SklearnDatasets data;

    @BeforeEach // per test, so each one is reported as skipped with the reason
    void requireData() {
        data = SklearnDatasets.fromCache();
        Assumptions.assumeTrue(data.available(), () -> "scikit-learn datasets not in " + data.dir()
                + "; fetch them with: " + SklearnDatasets.FETCH_COMMAND);
    }

    @Test
    void scalingHelpsOnWine() {
        ClassificationSet wine = data.wine().toClassificationSet();
        List<Fold> folds = StratifiedKFold.shuffled(5, 0).split(wine.labels());
        double raw = CrossValidation.mean(CrossValidation.accuracy(TestModels.nearestCentroid(), wine, folds));
        double scaled = CrossValidation.mean(CrossValidation.accuracy(
                Pipeline.of(new StandardScaler()).classifier(TestModels.nearestCentroid()), wine, folds));
        LOG.info("wine 5-fold nearest centroid: raw {}, standardised {}", raw, scaled);
        // nearest centroid on raw wine is dominated by proline (values in the hundreds)
        assertThat(raw).isLessThan(0.8);
        assertThat(scaled).isGreaterThan(0.95);
    }

    @Test
    void breastCancerWithTenPercentHolesStaysClose() {
        ClassificationSet bc = data.breastCancer().toClassificationSet();
        ClassificationSet holed = new ClassificationSet(HolePuncher.punch(bc.features(), 0.10, 2026), bc.labels());
        List<Fold> folds = StratifiedKFold.shuffled(5, 0).split(bc.labels());
        var pipeline = Pipeline.of(SimpleImputer.median(), new StandardScaler()).classifier(TestModels.nearestCentroid());
        double complete = CrossValidation.mean(CrossValidation.accuracy(pipeline, bc, folds));
        double missing = CrossValidation.mean(CrossValidation.accuracy(pipeline, holed, folds));
        LOG.info("breast cancer 5-fold impute+scale+nearest centroid: complete {}, 10% holes {}", complete, missing);
        assertThat(complete).isGreaterThan(0.9);
        assertThat(missing).isGreaterThan(complete - 0.02);
    }
}
