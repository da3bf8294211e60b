package dev.kiln.semisupervised;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import java.util.List;

/**
 * A fitted self-training classifier: the base model fitted last (on the labelled rows plus every
 * adopted pseudo-label) and the record of how it got there. Per-row arrays are in training order
 * (labelled rows, then unlabelled rows), like scikit-learn's {@code transduction_} and
 * {@code labeled_iter_}.
 */
public final class SelfTrainingModel implements Classifier {
    /** Unlabelled row {@code unlabelledIndex} (into the set's unlabelled part) got {@code label} in {@code round}. */
    public record PseudoLabel(int unlabelledIndex, int label, int round, double confidence) {
    }

    private final Classifier base;
    private final int classes;
    private final int width;
    private final int labelledRows;
    private final int[] transduction;
    private final int[] labelledIter;
    private final List<PseudoLabel> pseudoLabels;
    private final int rounds;
    private final SelfTrainingClassifier.Termination termination;

    SelfTrainingModel(Classifier base, int classes, int width, int labelledRows, int[] transduction, int[] labelledIter,
                      List<PseudoLabel> pseudoLabels, int rounds, SelfTrainingClassifier.Termination termination) {
        if (base.numClasses() > classes) {
            throw new IllegalStateException("SelfTrainingModel: the base model predicts " + base.numClasses()
                    + " classes but the data has " + classes);
        }
        this.base = base;
        this.classes = classes;
        this.width = width;
        this.labelledRows = labelledRows;
        this.transduction = transduction;
        this.labelledIter = labelledIter;
        this.pseudoLabels = List.copyOf(pseudoLabels);
        this.rounds = rounds;
        this.termination = termination;
    }

    @Override
    public int[] predict(Features features) {
        return Classifier.argmax(predictProba(features));
    }

    @Override
    public double[][] predictProba(Features features) {
        features.requireFinite("SelfTrainingModel", width);
        double[][] p = base.predictProba(features);
        if (base.numClasses() == classes) {
            return p;
        }
        // a base fitted on labels 0..j (j < classes-1) has fewer columns: the classes it never saw get 0
        double[][] out = new double[p.length][classes];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, out[i], 0, p[i].length);
        }
        return out;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** The model fitted last by the base learner. */
    public Classifier base() {
        return base;
    }

    /** Label of every training row at the end (labelled first); -1 for a row never adopted. */
    public int[] transduction() {
        return transduction.clone();
    }

    /** Round in which each training row got its label: 0 for given labels, -1 for never. */
    public int[] labelledIter() {
        return labelledIter.clone();
    }

    /** Every adopted pseudo-label, in the order adopted (by round, then row). */
    public List<PseudoLabel> pseudoLabels() {
        return pseudoLabels;
    }

    public int labelledRows() {
        return labelledRows;
    }

    /** Rounds run (scikit-learn's {@code n_iter_}). */
    public int rounds() {
        return rounds;
    }

    public SelfTrainingClassifier.Termination termination() {
        return termination;
    }
}
