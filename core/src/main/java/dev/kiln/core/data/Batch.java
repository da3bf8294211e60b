package dev.kiln.core.data;

import dev.kiln.core.tensor.Tensor;

/**
 * A batch of samples: features {@code [n, ...featureShape]} and targets {@code [n, ...targetShape]}
 * (class labels are a {@code [n]} tensor of integral floats).
 */
public record Batch(Tensor features, Tensor targets) {
    public Batch {
        if (features.shape(0) != targets.shape(0)) {
            throw new IllegalArgumentException("batch: " + features.shape(0) + " feature rows but "
                    + targets.shape(0) + " target rows");
        }
    }

    public int size() {
        return features.shape(0);
    }
}
