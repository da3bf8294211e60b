package dev.kiln.core.data.tabular;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.RegressionSet;
import dev.kiln.core.ml.Regressor;
import dev.kiln.core.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of transformers, itself a {@link Transformer}: fitting fits each step on the output
 * of the fitted steps before it (all on training data only), transforming applies them in order.
 * End it with a model trainer to get a trainer of the whole chain:
 *
 * <pre>{@code
 * ClassifierPipeline pipe = Pipeline.of(SimpleImputer.mean(), new StandardScaler()).classifier(svmTrainer);
 * PipelineClassifier model = pipe.fit(trainSet);       // a Trainer<ClassificationSet, PipelineClassifier>
 * int[] predicted = model.predict(rawTestRows);         // raw rows: imputed and scaled with train's statistics
 * }</pre>
 *
 * Because the pipeline is an ordinary {@code Trainer}, a cross-validation loop refits the
 * transformers in every fold, so no statistic of a test fold leaks into its training.
 */
public final class Pipeline implements Transformer {
    private final List<Transformer> steps;
    private final boolean fitted;

    private Pipeline(List<Transformer> steps, boolean fitted) {
        this.steps = List.copyOf(steps);
        this.fitted = fitted;
    }

    /** An unfitted chain of the given steps (in order). */
    public static Pipeline of(Transformer... steps) {
        return new Pipeline(List.of(steps), false);
    }

    public static Pipeline of(List<? extends Transformer> steps) {
        return new Pipeline(new ArrayList<>(steps), false);
    }

    public List<Transformer> steps() {
        return steps;
    }

    @Override
    public Pipeline fit(DataFrame train) {
        List<Transformer> out = new ArrayList<>(steps.size());
        DataFrame current = train;
        for (int i = 0; i < steps.size(); i++) {
            Transformer f = steps.get(i).fit(current);
            out.add(f);
            if (i < steps.size() - 1) { // the last step's output is not needed to fit anything
                current = f.transform(current);
            }
        }
        return new Pipeline(out, true);
    }

    @Override
    public DataFrame transform(DataFrame data) {
        if (!fitted) {
            throw new NotFittedException("Pipeline");
        }
        DataFrame current = data;
        for (Transformer t : steps) {
            current = t.transform(current);
        }
        return current;
    }

    @Override
    public boolean isFitted() {
        return fitted;
    }

    /** This chain followed by a classifier trainer. */
    public ClassifierPipeline classifier(Trainer<ClassificationSet, ? extends Classifier> trainer) {
        return new ClassifierPipeline(this, trainer);
    }

    /** This chain followed by a regressor trainer. */
    public RegressorPipeline regressor(Trainer<RegressionSet, ? extends Regressor> trainer) {
        return new RegressorPipeline(this, trainer);
    }

    /**
     * The numbers a model gets: every column numeric, no missing cell. Fails naming the first
     * offending column (and row), which says what step is missing from the chain.
     */
    static double[][] features(DataFrame transformed) {
        List<String> categorical = transformed.names(ColumnType.CATEGORICAL);
        if (!categorical.isEmpty()) {
            throw new IllegalStateException("Pipeline: columns " + categorical + " are still categorical after the"
                    + " transformers; add a OneHotEncoder or OrdinalEncoder step");
        }
        for (Column c : transformed.columns()) {
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    throw new IllegalStateException("Pipeline: column '" + c.name() + "' has a missing value at row "
                            + i + " after the transformers; add a SimpleImputer step (or clean the rows first)");
                }
            }
        }
        return transformed.toFeatures();
    }

    /** Raw numeric rows as a frame with the training column names. */
    static DataFrame frame(double[][] rows, List<String> inputNames, List<String> categoricalInputs) {
        if (!categoricalInputs.isEmpty()) {
            throw new IllegalArgumentException("Pipeline: this model was fitted on categorical columns "
                    + categoricalInputs + "; predict on a DataFrame, not on double[][] rows");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != inputNames.size()) {
                throw new IllegalArgumentException("Pipeline: row " + i + " has " + rows[i].length
                        + " values but the model was fitted on " + inputNames.size() + " columns");
            }
        }
        return DataFrame.ofRows(rows, inputNames);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Transformer t : steps) {
            names.add(t.getClass().getSimpleName());
        }
        return "Pipeline" + names + (fitted ? " (fitted)" : "");
    }
}
