package dev.kiln.semisupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Self-training around any classifier learner (scikit-learn's {@code SelfTrainingClassifier}):
 * fit the base learner on the labelled rows, predict the unlabelled ones, adopt the confident
 * predictions as labels (pseudo-labels), refit, and repeat until a round adopts nothing, every row
 * is labelled or {@code maxIter} rounds have run; the base learner is then fitted once more on
 * every row labelled so far. Pseudo-labels are never revised once given, as in scikit-learn.
 *
 * <p>Per round, {@link Criterion#THRESHOLD} adopts every prediction whose top probability is
 * strictly above {@code threshold}; {@link Criterion#K_BEST} adopts the {@code kBest} most
 * confident (ties by row order, so results are reproducible). With {@code balanceClasses}, the
 * adopted rows are shared among the predicted classes in proportion to the class frequencies of
 * the original labels (each class with a candidate gets at least one), so one dominant class
 * cannot swamp the pseudo-labels, a known failure of plain self-training on skewed predictions.
 */
public final class SelfTrainingClassifier implements Trainer<SemiSupervisedSet, SelfTrainingModel> {
    /** How each round picks the predictions it adopts. */
    public enum Criterion { THRESHOLD, K_BEST }

    /** Why fitting stopped (scikit-learn's {@code termination_condition_}). */
    public enum Termination { MAX_ITER, NO_CHANGE, ALL_LABELED }

    /** scikit-learn's defaults: threshold 0.75, k-best 10, 10 rounds; no class balancing. */
    public record Config(@Doc("THRESHOLD: adopt predictions above threshold; K_BEST: adopt the kBest most confident") Criterion criterion,
                         @Doc("adopt a prediction when its top probability is above this (THRESHOLD)") @Range(min = 0, max = 1, maxExclusive = true) double threshold,
                         @Doc("predictions adopted per round (K_BEST)") @Range(min = 1) int kBest,
                         @Doc("most self-training rounds; 0 fits the base learner on the labels only") @Range(min = 0) int maxIter,
                         @Doc("share each round's pseudo-labels among classes by their labelled frequencies") boolean balanceClasses) {
        public Config {
            HyperParameters.check(Config.class, criterion, threshold, kBest, maxIter, balanceClasses);
        }

        public static final Config DEFAULTS = new Config(Criterion.THRESHOLD, 0.75, 10, 10, false);

        public Config withThreshold(double t) {
            return new Config(Criterion.THRESHOLD, t, kBest, maxIter, balanceClasses);
        }

        public Config withKBest(int k) {
            return new Config(Criterion.K_BEST, threshold, k, maxIter, balanceClasses);
        }

        public Config withMaxIter(int m) {
            return new Config(criterion, threshold, kBest, m, balanceClasses);
        }

        public Config withBalanceClasses(boolean b) {
            return new Config(criterion, threshold, kBest, maxIter, b);
        }
    }

    /** One adopted prediction: unlabelled row {@code row} (index into the unlabelled part) got {@code label} in {@code round}. */
    public record PseudoLabel(int row, int label, int round, double confidence) {
    }

    private final Trainer<ClassificationSet, ? extends Classifier> base;
    private final Config config;

    public SelfTrainingClassifier(Trainer<ClassificationSet, ? extends Classifier> base, Config config) {
        this.base = Objects.requireNonNull(base, "SelfTrainingClassifier.base: the base learner is null");
        this.config = Objects.requireNonNull(config, "SelfTrainingClassifier.config is null");
    }

    public SelfTrainingClassifier(Trainer<ClassificationSet, ? extends Classifier> base) {
        this(base, Config.DEFAULTS);
    }

    public Config config() {
        return config;
    }

    @Override
    public SelfTrainingModel fit(SemiSupervisedSet data, TrainingListener listener) {
        data.unlabelled().requireFinite("SelfTrainingClassifier (unlabelled rows)", data.width());
        data.labelled().inputs().requireFinite("SelfTrainingClassifier (labelled rows)", data.width());
        int nl = data.labelledSize();
        int nu = data.unlabelledSize();
        double[][] lx = data.labelled().features();
        int[] ly = data.labelled().labels();
        double[][] ux = data.unlabelled().rows();
        int classes = data.numClasses();
        double[] prior = new double[classes];
        for (int v : ly) {
            prior[v] += 1.0 / nl;
        }

        int[] pseudo = new int[nu];
        Arrays.fill(pseudo, -1);
        int[] roundOf = new int[nu];
        Arrays.fill(roundOf, -1);
        List<PseudoLabel> record = new ArrayList<>();
        int adopted = 0;
        int round = 0;
        Termination why = null;
        while (adopted < nu && round < config.maxIter()) {
            round++;
            Classifier model = base.fit(training(lx, ly, ux, pseudo, adopted), listener);
            int[] open = new int[nu - adopted];
            int o = 0;
            for (int i = 0; i < nu; i++) {
                if (pseudo[i] < 0) {
                    open[o++] = i;
                }
            }
            double[][] proba = model.predictProba(data.unlabelled().select(open));
            int[] chosen = select(proba, prior);
            if (chosen.length == 0) {
                why = Termination.NO_CHANGE;
                break;
            }
            for (int c : chosen) {
                int row = open[c];
                int label = Classifier.argmax(proba[c]);
                if (label >= classes) {
                    throw new IllegalStateException("SelfTrainingClassifier: the base model predicted class " + label
                            + " but the labels have only " + classes + " classes");
                }
                pseudo[row] = label;
                roundOf[row] = round;
                record.add(new PseudoLabel(row, label, round, proba[c][label]));
            }
            adopted += chosen.length;
        }
        // scikit-learn's order: max_iter overrides no_change, and all_labeled overrides both
        if (round == config.maxIter()) {
            why = Termination.MAX_ITER;
        }
        if (adopted == nu) {
            why = Termination.ALL_LABELED;
        }
        Classifier last = base.fit(training(lx, ly, ux, pseudo, adopted), listener);
        return new SelfTrainingModel(last, classes, data.width(), nl, pseudo, roundOf, record, round, why);
    }

    /** The labelled rows followed by the pseudo-labelled ones, in row order. */
    private static ClassificationSet training(double[][] lx, int[] ly, double[][] ux, int[] pseudo, int adopted) {
        double[][] x = Arrays.copyOf(lx, lx.length + adopted);
        int[] y = Arrays.copyOf(ly, ly.length + adopted);
        int at = lx.length;
        for (int i = 0; i < ux.length; i++) {
            if (pseudo[i] >= 0) {
                x[at] = ux[i];
                y[at++] = pseudo[i];
            }
        }
        return new ClassificationSet(x, y);
    }

    /** Indices (into {@code proba}) adopted this round, in ascending order. */
    private int[] select(double[][] proba, double[] prior) {
        int n = proba.length;
        double[] conf = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = Classifier.argmax(proba[i]);
            conf[i] = proba[i][label[i]];
        }
        // candidates ordered by confidence, most confident first, ties by row
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> conf[a] != conf[b] ? Double.compare(conf[b], conf[a]) : Integer.compare(a, b));
        int eligible;
        if (config.criterion() == Criterion.THRESHOLD) {
            eligible = 0;
            while (eligible < n && conf[order[eligible]] > config.threshold()) {
                eligible++;
            }
        } else {
            eligible = Math.min(config.kBest(), n);
        }
        boolean[] take = new boolean[n];
        int taken = 0;
        if (!config.balanceClasses()) {
            for (int r = 0; r < eligible; r++) {
                take[order[r]] = true;
            }
            taken = eligible;
        } else {
            // per-class quotas of this round's total; candidates per class come from the eligible set
            // under THRESHOLD, and from all rows under K_BEST (k-best is a count, not a confidence bar)
            int pool = config.criterion() == Criterion.THRESHOLD ? eligible : n;
            int[] quota = new int[prior.length];
            boolean[] present = new boolean[prior.length];
            for (int r = 0; r < pool; r++) {
                present[label[order[r]]] = true;
            }
            for (int c = 0; c < quota.length; c++) {
                quota[c] = present[c] ? Math.max(1, (int) Math.round(eligible * prior[c])) : 0;
            }
            for (int r = 0; r < pool; r++) {
                int i = order[r];
                if (quota[label[i]] > 0) {
                    quota[label[i]]--;
                    take[i] = true;
                    taken++;
                }
            }
        }
        int[] out = new int[taken];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (take[i]) {
                out[t++] = i;
            }
        }
        return out;
    }
}
