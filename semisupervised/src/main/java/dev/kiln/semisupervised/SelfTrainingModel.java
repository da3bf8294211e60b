package dev.kiln.semisupervised;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import java.util.List;

/**
 * A fitted self-training classifier: the base model of the last fit (which predicts) and the record
 * of the pseudo-labels. Per-row arrays are in the set's order: labelled rows, then unlabelled rows.
 */
public final class SelfTrainingModel implements Classifier {
    private final Classifier last;
    private final int classes;
    private final int width;
    private final int labelled;
    private final int[] pseudo;
    private final int[] roundOf;
    private final List<SelfTrainingClassifier.PseudoLabel> record;
    private final int rounds;
    private final SelfTrainingClassifier.Termination termination;

    SelfTrainingModel(Classifier last, int classes, int width, int labelled, int[] pseudo, int[] roundOf,
                      List<SelfTrainingClassifier.PseudoLabel> record, int rounds, SelfTrainingClassifier.Termination termination) {
        this.last = last;
        this.classes = classes;
        this.width = width;
        this.labelled = labelled;
        this.pseudo = pseudo;
        this.roundOf = roundOf;
        this.record = List.copyOf(record);
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
        double[][] p = last.predictProba(features);
        if (p.length > 0 && p[0].length == classes) {
            return p;
        }
        // the base model saw fewer classes than the labels name (a class never predicted): pad
        double[][] out = new double[p.length][classes];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, out[i], 0, Math.min(classes, p[i].length));
        }
        return out;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** The base model fitted last, on labels and pseudo-labels. */
    public Classifier base() {
        return last;
    }

    /** Every pseudo-label in the order given (round by round, rows ascending within a round). */
    public List<SelfTrainingClassifier.PseudoLabel> pseudoLabels() {
        return record;
    }

    /** Pseudo-label of unlabelled row {@code i}, or -1 if it never got one. */
    public int pseudoLabel(int i) {
        return pseudo[i];
    }

    /**
     * scikit-learn's {@code labeled_iter_}, over all rows (labelled first): 0 for a given label, the
     * round for a pseudo-label, -1 for a row left unlabelled.
     */
    public int[] labeledIter() {
        int[] out = new int[labelled + pseudo.length];
        System.arraycopy(roundOf, 0, out, labelled, roundOf.length);
        return out;
    }

    /**
     * scikit-learn's {@code transduction_}, over all rows (labelled first): the given labels, then
     * each unlabelled row's pseudo-label or -1.
     */
    public int[] transduction(int[] givenLabels) {
        if (givenLabels.length != labelled) {
            throw new IllegalArgumentException("SelfTrainingModel.transduction: " + givenLabels.length
                    + " given labels but the model was fitted with " + labelled);
        }
        int[] out = new int[labelled + pseudo.length];
        System.arraycopy(givenLabels, 0, out, 0, labelled);
        System.arraycopy(pseudo, 0, out, labelled, pseudo.length);
        return out;
    }

    /** Self-training rounds run (scikit-learn's {@code n_iter_}). */
    public int rounds() {
        return rounds;
    }

    public SelfTrainingClassifier.Termination termination() {
        return termination;
    }
}
