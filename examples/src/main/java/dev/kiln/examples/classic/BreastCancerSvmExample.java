package dev.kiln.examples.classic;

import dev.kiln.core.data.sets.ClassificationData;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.Partition;
import dev.kiln.core.data.split.Subsets;
import dev.kiln.core.data.split.TrainValidationTestSplit;
import dev.kiln.core.data.tabular.HolePuncher;
import dev.kiln.core.data.tabular.Pipeline;
import dev.kiln.core.data.tabular.PipelineClassifier;
import dev.kiln.core.data.tabular.SimpleImputer;
import dev.kiln.core.data.tabular.StandardScaler;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.supervised.classic.SvmClassifier;
import java.io.PrintStream;
import java.util.List;

/**
 * Breast cancer with 10% of the cells knocked out, classified by a pipeline that imputes (training
 * means), standardises (training statistics) and fits an RBF SVM with Platt probabilities; the
 * same pipeline on the complete data is shown for comparison.
 */
public final class BreastCancerSvmExample implements Example {
    @Override
    public String name() {
        return "breast-cancer-svm";
    }

    @Override
    public String description() {
        return "impute -> scale -> RBF SVM pipeline on breast cancer with 10% missing cells: metrics table";
    }

    @Override
    public int run(Options options, PrintStream out) {
        ClassificationData cancer = SklearnDatasets.fromCache().breastCancer();
        ClassificationSet complete = cancer.toClassificationSet();
        ClassificationSet holed = new ClassificationSet(HolePuncher.punch(complete.features(), 0.10, 7),
                complete.labels());
        Partition split = TrainValidationTestSplit.trainTest(0.25, 42).stratified(complete.labels());

        var pipeline = Pipeline.of(SimpleImputer.mean(), new StandardScaler())
                .classifier(SvmClassifier.builder().c(1.0).seed(42).build());

        for (var run : List.of(new Object[] {"10% of cells missing", holed}, new Object[] {"complete data", complete})) {
            ClassificationSet data = (ClassificationSet) run[1];
            ClassificationSet train = Subsets.rows(data, split.train());
            ClassificationSet test = Subsets.rows(data, split.test());
            PipelineClassifier model = pipeline.fit(train);
            out.printf("== %s: %d training rows, %d test rows ==%n", run[0], train.size(), test.size());
            Tables.classificationReport(out, model, test, cancer.classNames());
            out.println();
        }
        return 0;
    }
}
