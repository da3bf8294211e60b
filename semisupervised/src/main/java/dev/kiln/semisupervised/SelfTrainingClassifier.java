package dev.kiln.semisupervised;

import dev.kiln.core.component.Components;
import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Nullable;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Learners;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Self-training (scikit-learn's {@code SelfTrainingClassifier}): fit the base learner on the
 * labelled rows, predict the unlabelled ones, adopt the confident predictions as labels, repeat.
 * Each round adopts either every prediction whose top probability is strictly above
 * {@code threshold}, or the {@code kBest} most confident ones (ties to the lower row, so a round
 * is deterministic). It stops after {@code maxIter} rounds, when a round adopts nothing, or when
 * every row is labelled; the base learner is then fitted once more on everything labelled, and
 * that fit is the model.
 *
 * <p>With {@code balanceClasses}, a round adopts at most as many pseudo-labels for any class as
 * for the class that gets the fewest (but at least one per class, the most confident first), so a
 * dominant class cannot swamp the labelled set — the usual failure of plain self-training.
 */
public final class SelfTrainingClassifier implements Trainer<SemiSupervisedSet, SelfTrainingModel> {
    /** How a round picks the predictions it adopts. */
    public enum Criterion { THRESHOLD, K_BEST }

    /** Why fitting stopped (scikit-learn's {@code termination_condition_}). */
    public enum Termination { MAX_ITER, NO_CHANGE, ALL_LABELLED }

    /**
     * The hyper-parameters. {@code base}/{@code baseParams} name the base learner in the component
     * registry (kind classifier) so a config file can describe the whole learner; they are ignored
     * when the base trainer is given in code.
     */
    public record Config(
            @Doc("registry name of the base classifier learner (e.g. knn-classifier)") @Nullable String base,
            @Doc("hyper-parameters of the base learner, over its defaults") Map<String, Object> baseParams,
            @Doc("THRESHOLD: adopt predictions above threshold; K_BEST: adopt the kBest most confident") Criterion criterion,
            @Doc("probability a prediction must exceed to be adopted (THRESHOLD)") @Range(min = 0, max = 1, maxExclusive = true) double threshold,
            @Doc("predictions adopted per round (K_BEST)") @Range(min = 1) int kBest,
            @Doc("most rounds; null: until nothing changes") @Nullable @Range(min = 0) Integer maxIter,
            @Doc("cap each round's pseudo-labels per class at the count of the least-chosen class") boolean balanceClasses) {
        public Config {
            HyperParameters.check(Config.class, base, baseParams, criterion, threshold, kBest, maxIter, balanceClasses);
            baseParams = Map.copyOf(baseParams);
        }

        /** scikit-learn's defaults (threshold 0.75, k_best 10, max_iter 10), k-NN as the base. */
        public static final Config DEFAULTS = new Config("knn-classifier", Map.of(), Criterion.THRESHOLD, 0.75, 10, 10, false);

        public Config withThreshold(double t) {
            return new Config(base, baseParams, Criterion.THRESHOLD, t, kBest, maxIter, balanceClasses);
        }

        public Config withKBest(int k) {
            return new Config(base, baseParams, Criterion.K_BEST, threshold, k, maxIter, balanceClasses);
        }

        public Config withMaxIter(Integer m) {
            return new Config(base, baseParams, criterion, threshold, kBest, m, balanceClasses);
        }

        public Config withBalanceClasses(boolean b) {
            return new Config(base, baseParams, criterion, threshold, kBest, maxIter, b);
        }

        public Config withBase(String name, Map<String, Object> params) {
            return new Config(name, params, criterion, threshold, kBest, maxIter, balanceClasses);
        }
    }

    private final Trainer<ClassificationSet, ? extends Classifier> base;
    private final Config config;

    /** Self-training around {@code base}; the config's base name is not used. */
    public SelfTrainingClassifier(Trainer<ClassificationSet, ? extends Classifier> base, Config config) {
        this.base = Objects.requireNonNull(base, "SelfTrainingClassifier: base learner is null");
        this.config = Objects.requireNonNull(config, "SelfTrainingClassifier: config is null");
    }

    /** Self-training around the base learner the config names in the component registry. */
    public SelfTrainingClassifier(Config config) {
        this(resolve(config), config);
    }

    @SuppressWarnings("unchecked")
    private static Trainer<ClassificationSet, ? extends Classifier> resolve(Config config) {
        if (config.base() == null) {
            throw new IllegalArgumentException("SelfTrainingClassifier.base: must name a classifier learner (e.g. knn-classifier) "
                    + "when no base trainer is given in code, got null");
        }
        return Components.discover().create(Learners.CLASSIFIER, config.base(), config.baseParams());
    }

    public Config config() {
        return config;
    }

    @Override
    public SelfTrainingModel fit(SemiSupervisedSet data, TrainingListener listener) {
        int nl = data.labelledSize();
        int nu = data.unlabelledSize();
        int classes = data.numClasses();
        double[][] x = data.allRows().rows();
        // per training row (labelled first): its label so far (-1: none) and the round it got it
        int[] transduction = new int[nl + nu];
        int[] labelledIter = new int[nl + nu];
        Arrays.fill(transduction, -1);
        Arrays.fill(labelledIter, -1);
        System.arraycopy(data.labelled().labels(), 0, transduction, 0, nl);
        Arrays.fill(labelledIter, 0, nl, 0);
        int[] labelledCount = {nl};
        List<SelfTrainingModel.PseudoLabel> record = new ArrayList<>();
        TrainingContext ctx = new TrainingContext("SelfTrainingClassifier", config.maxIter() == null ? -1 : config.maxIter(), 1);
        listener.onTrainingStart(ctx);
        int round = 0;
        Termination why = null;
        while (labelledCount[0] < nl + nu && (config.maxIter() == null || round < config.maxIter()) && !ctx.stopRequested()) {
            round++;
            listener.onEpochStart(ctx, round);
            Classifier model = base.fit(labelledSubset(x, transduction, labelledCount[0]), TrainingListener.NONE);
            int[] open = new int[nl + nu - labelledCount[0]];
            for (int i = 0, o = 0; i < transduction.length; i++) {
                if (transduction[i] < 0) {
                    open[o++] = i;
                }
            }
            double[][] proba = model.predictProba(Features.of(x).select(open));
            int[] chosen = choose(proba, classes);
            for (int c : chosen) {
                int row = open[c];
                int label = Classifier.argmax(proba[c]);
                transduction[row] = label;
                labelledIter[row] = round;
                record.add(new SelfTrainingModel.PseudoLabel(row - nl, label, round, proba[c][label]));
            }
            labelledCount[0] += chosen.length;
            listener.onEpochEnd(ctx, round, Map.of("adopted", (double) chosen.length, "unlabelled_left",
                    (double) (nl + nu - labelledCount[0])));
            if (chosen.length == 0) {
                why = Termination.NO_CHANGE;
                break;
            }
        }
        if (why == null) {
            why = labelledCount[0] == nl + nu ? Termination.ALL_LABELLED : Termination.MAX_ITER;
        }
        Classifier finalModel = base.fit(labelledSubset(x, transduction, labelledCount[0]), TrainingListener.NONE);
        listener.onTrainingEnd(ctx);
        return new SelfTrainingModel(finalModel, classes, data.width(), nl, transduction, labelledIter, record, round, why);
    }

    private static ClassificationSet labelledSubset(double[][] x, int[] transduction, int count) {
        double[][] rows = new double[count][];
        int[] y = new int[count];
        for (int i = 0, o = 0; i < x.length; i++) {
            if (transduction[i] >= 0) {
                rows[o] = x[i];
                y[o++] = transduction[i];
            }
        }
        return new ClassificationSet(rows, y);
    }

    /** Positions (into {@code proba}'s rows) this round adopts, ascending. */
    int[] choose(double[][] proba, int classes) {
        int n = proba.length;
        Integer[] order = new Integer[n];
        double[] conf = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            label[i] = Classifier.argmax(proba[i]);
            conf[i] = proba[i][label[i]];
        }
        // most confident first; ties to the lower row so the result never depends on sort stability
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -conf[i]).thenComparingInt(i -> i));
        int take = 0;
        if (config.criterion() == Criterion.THRESHOLD) {
            while (take < n && conf[order[take]] > config.threshold()) {
                take++;
            }
        } else {
            take = Math.min(config.kBest(), n);
        }
        List<Integer> picked = new ArrayList<>(Arrays.asList(order).subList(0, take));
        if (config.balanceClasses() && !picked.isEmpty()) {
            int[] perClass = new int[Math.max(classes, maxLabel(label) + 1)];
            for (int i : picked) {
                perClass[label[i]]++;
            }
            int quota = Integer.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                quota = Math.min(quota, perClass[c]);
            }
            quota = Math.max(quota, 1);
            int[] used = new int[perClass.length];
            List<Integer> kept = new ArrayList<>();
            for (int i : picked) { // still in confidence order, so each class keeps its most confident
                if (used[label[i]]++ < quota) {
                    kept.add(i);
                }
            }
            picked = kept;
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int maxLabel(int[] labels) {
        int m = 0;
        for (int v : labels) {
            m = Math.max(m, v);
        }
        return m;
    }
}
