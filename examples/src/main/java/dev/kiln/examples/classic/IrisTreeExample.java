package dev.kiln.examples.classic;

import dev.kiln.core.data.sets.ClassificationData;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.Partition;
import dev.kiln.core.data.split.Subsets;
import dev.kiln.core.data.split.TrainValidationTestSplit;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.supervised.classic.DecisionTreeClassifier;
import dev.kiln.supervised.classic.DecisionTreeModel;
import dev.kiln.supervised.classic.TreeParams;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A depth-3 CART tree on iris: metrics on a stratified 30% test set, feature importances and the tree. */
public final class IrisTreeExample implements Example {
    @Override
    public String name() {
        return "iris-tree";
    }

    @Override
    public String description() {
        return "decision tree (CART, gini, depth 3) on iris: metrics table and the printed tree";
    }

    @Override
    public int run(Options options, PrintStream out) {
        ClassificationData iris = SklearnDatasets.fromCache().iris();
        ClassificationSet all = iris.toClassificationSet();
        Partition split = TrainValidationTestSplit.trainTest(0.3, 42).stratified(all.labels());
        ClassificationSet train = Subsets.rows(all, split.train());
        ClassificationSet test = Subsets.rows(all, split.test());

        DecisionTreeModel tree = new DecisionTreeClassifier()
                .withParams(TreeParams.DEFAULT.withMaxDepth(3))
                .withSeed(42)
                .fit(train);

        out.printf("iris: %d training rows, %d test rows; tree depth %d, %d leaves%n%n", train.size(), test.size(),
                tree.depth(), tree.leafCount());
        Tables.classificationReport(out, tree, test, iris.classNames());
        List<String> features = iris.features().names();
        out.println();
        out.println("feature importances:");
        double[] imp = tree.featureImportances();
        for (int j = 0; j < imp.length; j++) {
            out.printf(Locale.ROOT, "  %-20s %.3f%n", features.get(j), imp[j]);
        }
        out.println();
        out.print(tree.toText(features.toArray(String[]::new), iris.classNames().toArray(String[]::new)));
        return 0;
    }
}
