package dev.kiln.supervised.train;

import dev.kiln.core.data.Batch;
import dev.kiln.core.data.DataLoader;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Model;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;

/**
 * A model's loss (and, for class labels, accuracy and predictions) on a dataset, computed in
 * evaluation mode without gradients. The loss is the per-sample mean over the whole dataset.
 */
public record Evaluation(double loss, int samples, int[] actual, int[] predicted, int numClasses) {
    /** Evaluates in batches of {@code batchSize}; restores the model's train/eval mode afterwards. */
    public static Evaluation of(Model model, Loss loss, Dataset data, int batchSize) {
        boolean wasTraining = model.isTraining();
        model.train(false);
        boolean labels = data.targetShape().length == 0;
        int[] actual = labels ? new int[data.size()] : null;
        int[] predicted = labels ? new int[data.size()] : null;
        int classes = 0;
        double sum = 0;
        int seen = 0;
        try (var noGrad = Autograd.noGrad()) {
            for (Batch b : DataLoader.sequential(data, batchSize)) {
                Tensor out = model.forward(b.features());
                sum += (double) loss.compute(out, b.targets()).item() * b.size();
                if (labels && out.rank() == 2) {
                    classes = out.shape(1);
                    System.arraycopy(b.targets().toIntArray(), 0, actual, seen, b.size());
                    System.arraycopy(out.argmax(1).toIntArray(), 0, predicted, seen, b.size());
                } else {
                    labels = false;
                }
                seen += b.size();
            }
        } finally {
            model.train(wasTraining);
        }
        return labels ? new Evaluation(sum / seen, seen, actual, predicted, classes)
                : new Evaluation(sum / seen, seen, null, null, 0);
    }

    /** Whether targets were class labels and outputs class scores, so accuracy is defined. */
    public boolean isClassification() {
        return actual != null;
    }

    /** Fraction of correct predictions; NaN when targets are not class labels. */
    public double accuracy() {
        return isClassification() ? ClassificationMetrics.accuracy(actual, predicted) : Double.NaN;
    }

    /** Confusion matrix, per-class precision/recall/F1. */
    public ClassificationMetrics metrics() {
        if (!isClassification()) {
            throw new IllegalStateException("evaluation: targets are not class labels, no classification metrics");
        }
        return ClassificationMetrics.of(actual, predicted, numClasses);
    }
}
