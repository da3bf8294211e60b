package dev.kiln.core.train;

/**
 * Turns data of type {@code D} into a trained model of type {@code M}. One interface for every
 * way of learning: {@code D} may be a labelled dataset, unlabelled rows, an environment, labelled
 * plus unlabelled data, or a pretrained model with a new dataset; {@code M} may be a network, a
 * tree, a clustering or a Q-table. Hyper-parameters live in the trainer's constructor or builder
 * (scikit-learn style); {@code fit} returns the fitted model and leaves the trainer reusable.
 */
@FunctionalInterface
public interface Trainer<D, M> {
    M fit(D data, TrainingListener listener);

    default M fit(D data) {
        return fit(data, TrainingListener.NONE);
    }
}
