package dev.kiln.supervised.ensemble;

import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code VotingClassifier}: fits every member learner on the same rows and
 * combines their fitted classifiers. Soft voting averages {@code predictProba} (weighted), so it
 * runs over any mix of trees, forests, logistic regression, SVMs, k-NN and networks; hard voting
 * counts predicted classes (ties to the lowest class).
 */
public final class VotingClassifier implements Trainer<ClassificationSet, VotingClassifier.Fitted> {
    /** How members' outputs are combined. */
    public enum Voting { SOFT, HARD }

    private final List<Trainer<ClassificationSet, ? extends Classifier>> members;
    private final double[] weights;
    private final Voting voting;

    /** Equal weights. */
    public VotingClassifier(Voting voting, List<Trainer<ClassificationSet, ? extends Classifier>> members) {
        this(voting, members, equal(members.size()));
    }

    public VotingClassifier(Voting voting, List<Trainer<ClassificationSet, ? extends Classifier>> members,
            double[] weights) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("VotingClassifier: no member learners");
        }
        if (weights.length != members.size()) {
            throw new IllegalArgumentException("VotingClassifier: " + weights.length + " weights for "
                    + members.size() + " members");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("VotingClassifier.weights[" + i + "]: must be finite and >= 0, got "
                        + weights[i]);
            }
        }
        if (java.util.Arrays.stream(weights).sum() == 0) {
            throw new IllegalArgumentException("VotingClassifier.weights: all zero; at least one member must count");
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.voting = voting;
    }

    @Override
    public Fitted fit(ClassificationSet data, TrainingListener listener) {
        List<Classifier> fitted = new ArrayList<>(members.size());
        for (Trainer<ClassificationSet, ? extends Classifier> m : members) {
            fitted.add(m.fit(data, listener));
        }
        int k = fitted.get(0).numClasses();
        for (int i = 1; i < fitted.size(); i++) {
            if (fitted.get(i).numClasses() != k) {
                throw new IllegalStateException("VotingClassifier: member " + i + " knows " + fitted.get(i).numClasses()
                        + " classes but member 0 knows " + k);
            }
        }
        return new Fitted(List.copyOf(fitted), weights.clone(), voting, k);
    }

    /** The fitted members and how they vote. */
    public record Fitted(List<Classifier> members, double[] weights, Voting voting, int numClasses)
            implements Classifier {
        @Override
        public int[] predict(Features features) {
            return Classifier.argmax(predictProba(features));
        }

        /** Soft: the weighted mean of members' probabilities. Hard: the weighted share of votes per class. */
        @Override
        public double[][] predictProba(Features features) {
            double[][] out = new double[features.size()][numClasses];
            double total = 0;
            for (int m = 0; m < members.size(); m++) {
                double w = weights[m];
                total += w;
                if (voting == Voting.SOFT) {
                    double[][] p = members.get(m).predictProba(features);
                    for (int i = 0; i < out.length; i++) {
                        for (int c = 0; c < numClasses; c++) {
                            out[i][c] += w * p[i][c];
                        }
                    }
                } else {
                    int[] p = members.get(m).predict(features);
                    for (int i = 0; i < out.length; i++) {
                        out[i][p[i]] += w;
                    }
                }
            }
            for (double[] row : out) {
                for (int c = 0; c < numClasses; c++) {
                    row[c] /= total;
                }
            }
            return out;
        }
    }

    private static double[] equal(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
