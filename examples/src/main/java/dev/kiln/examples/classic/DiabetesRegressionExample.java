package dev.kiln.examples.classic;

import dev.kiln.core.data.sets.RegressionData;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.data.split.Partition;
import dev.kiln.core.data.split.Subsets;
import dev.kiln.core.data.split.TrainValidationTestSplit;
import dev.kiln.core.metrics.RegressionMetrics;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.train.Trainer;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.supervised.classic.DecisionTreeRegressor;
import dev.kiln.supervised.classic.KNeighborsRegressor;
import dev.kiln.supervised.classic.Lasso;
import dev.kiln.supervised.classic.LinearModel;
import dev.kiln.supervised.classic.LinearRegression;
import dev.kiln.supervised.classic.RandomForestRegressor;
import dev.kiln.supervised.classic.TreeParams;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diabetes progression (442 patients, 10 features, centred and scaled like scikit-learn's
 * {@code load_diabetes}): least squares, ridge, lasso, a tree, a forest and k-NN on one 25% test set.
 */
public final class DiabetesRegressionExample implements Example {
    @Override
    public String name() {
        return "diabetes-regression";
    }

    @Override
    public String description() {
        return "linear/ridge/lasso regression, tree, forest and k-NN on diabetes: MSE, MAE, R² table";
    }

    @Override
    public int run(Options options, PrintStream out) {
        RegressionData diabetes = SklearnDatasets.fromCache().diabetesScaled();
        RegressionSet all = diabetes.toRegressionSet();
        Partition split = TrainValidationTestSplit.trainTest(0.25, 42).split(all.size());
        RegressionSet train = Subsets.rows(all, split.train());
        RegressionSet test = Subsets.rows(all, split.test());

        Map<String, Trainer<RegressionSet, ? extends Regressor>> models = new LinkedHashMap<>();
        models.put("least squares (QR)", new LinearRegression());
        models.put("ridge alpha=0.1", LinearRegression.ridge(0.1));
        models.put("lasso alpha=0.1", new Lasso(0.1));
        models.put("tree depth 4", new DecisionTreeRegressor().withParams(TreeParams.DEFAULT.withMaxDepth(4)));
        models.put("random forest", new RandomForestRegressor().withSeed(42));
        models.put("k-NN k=5", new KNeighborsRegressor());

        out.printf("diabetes: %d training rows, %d test rows%n%n", train.size(), test.size());
        out.printf(Locale.ROOT, "%-20s %10s %8s %7s %8s%n", "model", "MSE", "MAE", "R²", "fit ms");
        Regressor lasso = null;
        for (var e : models.entrySet()) {
            long t0 = System.nanoTime();
            Regressor m = e.getValue().fit(train);
            double ms = (System.nanoTime() - t0) / 1e6;
            double[] p = m.predict(test.features());
            out.printf(Locale.ROOT, "%-20s %10.1f %8.1f %7.3f %8.1f%n", e.getKey(), RegressionMetrics.mse(test.targets(), p),
                    RegressionMetrics.mae(test.targets(), p), RegressionMetrics.r2(test.targets(), p), ms);
            if (e.getKey().startsWith("lasso")) {
                lasso = m;
            }
        }
        out.println();
        out.println("lasso coefficients (zeros are features it dropped):");
        double[] w = ((LinearModel) lasso).coefficients();
        List<String> names = diabetes.features().names();
        for (int j = 0; j < w.length; j++) {
            out.printf(Locale.ROOT, "  %-5s %9.2f%n", names.get(j), w[j]);
        }
        return 0;
    }
}
