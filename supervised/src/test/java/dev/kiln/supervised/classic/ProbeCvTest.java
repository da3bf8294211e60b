package dev.kiln.supervised.classic;

import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.StratifiedKFold;
import dev.kiln.core.ml.ClassificationSet;
import org.junit.jupiter.api.Test;

class ProbeCvTest {
    @Test
    void probe() {
        var ds = SklearnDatasets.fromCache();
        for (var d : java.util.List.of(ds.iris(), ds.wine(), ds.breastCancer())) {
            ClassificationSet s = d.toClassificationSet();
            int[] folds = StratifiedKFold.shuffled(5, 42).assign(s.labels());
            System.out.printf("%s tree %.4f%n", d.name(), CrossValidation.accuracy(new DecisionTreeClassifier(), s, folds).meanAccuracy());
            System.out.printf("%s forest %.4f%n", d.name(), CrossValidation.accuracy(new RandomForestClassifier(), s, folds).meanAccuracy());
            var r = CrossValidation.accuracy(new LogisticRegression(), s, folds);
            System.out.printf("%s logreg %.4f %.3fs%n", d.name(), r.meanAccuracy(), r.fitSeconds());
            r = CrossValidation.accuracy(new SvmClassifier(), s, folds);
            System.out.printf("%s svm %.4f %.3fs%n", d.name(), r.meanAccuracy(), r.fitSeconds());
        }
    }
}
