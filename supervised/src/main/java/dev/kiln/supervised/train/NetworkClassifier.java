package dev.kiln.supervised.train;

import dev.kiln.core.data.ArrayDataset;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Features;
import dev.kiln.core.nn.Model;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * A network trained as a classifier on feature rows: the learner that lets a network stand
 * wherever a tree, an SVM or k-NN does (cross-validation, pipelines, voting, self-training). It
 * feeds the rows to a {@link GradientTrainer} (whose loss must take class labels, e.g.
 * cross-entropy) and returns a {@link NetworkClassifierModel}: softmax over the logits.
 *
 * <pre>{@code
 * var net = new NetworkClassifier<>(GradientTrainer.builder(rng -> Sequential.builder(4).dense(16).relu().dense(3).build(rng))
 *         .loss(new CrossEntropy()).epochs(50).build());
 * double[] acc = CrossValidation.accuracy(net, iris, folds);
 * }</pre>
 */
public final class NetworkClassifier<M extends Model> implements Trainer<ClassificationSet, NetworkClassifierModel> {
    private final GradientTrainer<M> trainer;

    public NetworkClassifier(GradientTrainer<M> trainer) {
        this.trainer = trainer;
    }

    @Override
    public NetworkClassifierModel fit(ClassificationSet data, TrainingListener listener) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("NetworkClassifier: the training set has no rows");
        }
        Features x = data.inputs();
        x.requireFinite("NetworkClassifier", x.width());
        int classes = 0;
        for (int i = 0; i < data.labels().length; i++) {
            int y = data.labels()[i];
            if (y < 0) {
                throw new IllegalArgumentException("NetworkClassifier: label " + y + " of row " + i + " is negative");
            }
            classes = Math.max(classes, y + 1);
        }
        M model = trainer.fit(ArrayDataset.ofLabels(x.toFloatRows(), data.labels()), listener);
        NetworkClassifierModel fitted = new NetworkClassifierModel(model, x.width());
        if (fitted.numClasses() < classes) {
            throw new IllegalArgumentException("NetworkClassifier: the network has " + fitted.numClasses()
                    + " outputs but the labels go up to " + (classes - 1));
        }
        return fitted;
    }
}
