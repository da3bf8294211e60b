package dev.kiln.supervised.train;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.nn.Model;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;

/**
 * A trained network used as a {@link Classifier}: the class probabilities are the softmax of its
 * logits, computed in evaluation mode without gradients, in batches.
 */
public final class NetworkClassifierModel implements Classifier {
    private static final int BATCH = 1024;
    private final Model network;
    private final int width;
    private final int classes;

    /** Wraps {@code network}, whose input is rows of {@code width} features and output {@code [rows, classes]} logits. */
    public NetworkClassifierModel(Model network, int width) {
        this.network = network;
        this.width = width;
        this.classes = logits(Features.of(new double[1][width])).shape()[1];
    }

    /** Features per input row. */
    public int width() {
        return width;
    }

    public Model network() {
        return network;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public int[] predict(Features features) {
        return Classifier.argmax(predictProba(features));
    }

    @Override
    public double[][] predictProba(Features features) {
        features.requireFinite("NetworkClassifierModel", width);
        double[][] out = new double[features.size()][];
        for (int start = 0; start < features.size(); start += BATCH) {
            int n = Math.min(BATCH, features.size() - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = start + i;
            }
            float[] p = logits(features.select(idx)).softmax(1).toArray();
            for (int i = 0; i < n; i++) {
                double[] row = new double[classes];
                for (int k = 0; k < classes; k++) {
                    row[k] = p[i * classes + k];
                }
                out[start + i] = row;
            }
        }
        return out;
    }

    // synchronized: the network's train/eval mode is shared state, so two threads predicting at
    // once must not interleave a mode switch with a forward pass.
    private synchronized Tensor logits(Features rows) {
        boolean wasTraining = network.isTraining();
        network.train(false);
        try (var noGrad = Autograd.noGrad()) {
            Tensor out = network.forward(rows.toTensor());
            if (out.rank() != 2) {
                throw new IllegalArgumentException("NetworkClassifierModel: the network's output has shape "
                        + java.util.Arrays.toString(out.shape()) + ", not [rows, classes]");
            }
            return out;
        } finally {
            network.train(wasTraining);
        }
    }
}
