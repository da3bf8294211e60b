package dev.kiln.supervised.classic;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel SVM (C-SVC) trained by {@link Smo}. Several classes are handled one-vs-one, as libsvm and
 * scikit-learn's {@code SVC} do: one binary machine per pair of classes, prediction by majority
 * vote (ties go to the lower class index). Probabilities come from Platt sigmoids fitted per pair on
 * decision values from an internal seeded {@code probabilityFolds}-fold cross-validation (libsvm's
 * procedure; 0 folds fits them on the training decision values, faster but over-confident), joined
 * by pairwise coupling. Defaults follow scikit-learn: C = 1, RBF kernel with gamma "scale", tol 1e-3.
 */
public final class SvmClassifier implements Trainer<ClassificationSet, SvmModel> {
    private final double c;
    private final Kernel kernel;
    private final double tol;
    private final int probabilityFolds;
    private final long seed;
    private final long cacheBytes;

    /** The hyper-parameters (libsvm's and scikit-learn's defaults: RBF with gamma "scale", C = 1). */
    public record Config(@Doc("penalty on margin violations") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double c,
                         @Doc("kernel type, gamma (NaN: scikit-learn's 'scale'), coef0, degree") Kernel kernel,
                         @Doc("stopping tolerance on the maximal KKT violation (libsvm's eps)") @Range(min = 0, minExclusive = true, max = Double.MAX_VALUE) double tol,
                         @Doc("internal folds for Platt scaling; 0 fits on the training decisions") @Range(min = 0) int probabilityFolds,
                         @Doc("seed of the Platt folds") long seed,
                         @Doc("memory for cached kernel rows per binary problem, MB") @Range(min = 1) int cacheMb) {
        public Config {
            HyperParameters.check(Config.class, c, kernel, tol, probabilityFolds, seed, cacheMb);
            if (probabilityFolds == 1) {
                throw new IllegalArgumentException("SvmClassifier.probabilityFolds: must be 0 or at least 2, got 1");
            }
        }

        public static final Config DEFAULTS = new Config(1.0, Kernel.rbf(), 1e-3, 5, 0, 200);
    }

    public SvmClassifier(Config config) {
        this.c = config.c();
        this.kernel = config.kernel();
        this.tol = config.tol();
        this.probabilityFolds = config.probabilityFolds();
        this.seed = config.seed();
        this.cacheBytes = config.cacheMb() * 1024L * 1024L;
    }

    public SvmClassifier() {
        this(Config.DEFAULTS);
    }

    public Config config() {
        return new Config(c, kernel, tol, probabilityFolds, seed, (int) (cacheBytes / (1024L * 1024L)));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SvmModel fit(ClassificationSet data, TrainingListener listener) {
        int k = Rows.checkClassification(data, "SvmClassifier");
        double[][] x = data.features();
        int[] labels = data.labels();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int cl = 0; cl < k; cl++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        for (int cl = 0; cl < k; cl++) {
            if (byClass.get(cl).isEmpty()) {
                throw new IllegalArgumentException("SvmClassifier: class " + cl + " has no rows (labels must cover 0.."
                        + (k - 1) + ")");
            }
        }
        Kernel resolved = kernel.resolve(x);
        int pairs = k * (k - 1) / 2;
        TrainingContext ctx = new TrainingContext("SvmClassifier", pairs, 0);
        listener.onTrainingStart(ctx);
        Rng rng = new Rng(seed);
        Map<Integer, Integer> svIndex = new LinkedHashMap<>();
        SvmModel.Pair[] machines = new SvmModel.Pair[pairs];
        int p = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                int[] rows = concat(byClass.get(a), byClass.get(b));
                double[][] sx = new double[rows.length][];
                int[] sy = new int[rows.length];
                for (int t = 0; t < rows.length; t++) {
                    sx[t] = x[rows[t]];
                    sy[t] = labels[rows[t]] == a ? 1 : -1;
                }
                Smo.Solution sol = Smo.solve(sx, sy, resolved, c, tol, cacheBytes);
                Platt platt = Platt.fit(probabilityFolds > 1 ? crossValidatedDecisions(sx, sy, resolved, rng.split())
                        : decisions(sx, sol, sx, resolved), positives(sy));
                List<Integer> sv = new ArrayList<>();
                List<Double> coef = new ArrayList<>();
                for (int t = 0; t < rows.length; t++) {
                    if (sol.coef()[t] != 0) {
                        sv.add(svIndex.computeIfAbsent(rows[t], r -> svIndex.size()));
                        coef.add(sol.coef()[t]);
                    }
                }
                machines[p] = new SvmModel.Pair(a, b, sv.stream().mapToInt(Integer::intValue).toArray(),
                        coef.stream().mapToDouble(Double::doubleValue).toArray(), sol.rho(), platt);
                listener.onEpochEnd(ctx, p, Map.of("support_vectors", (double) sv.size(),
                        "iterations", (double) sol.iterations()));
                p++;
            }
        }
        double[][] supportVectors = new double[svIndex.size()][];
        svIndex.forEach((row, idx) -> supportVectors[idx] = x[row].clone());
        listener.onTrainingEnd(ctx);
        return new SvmModel(resolved, supportVectors, machines, k);
    }

    private static int[] concat(List<Integer> a, List<Integer> b) {
        int[] out = new int[a.size() + b.size()];
        int i = 0;
        for (int v : a) {
            out[i++] = v;
        }
        for (int v : b) {
            out[i++] = v;
        }
        return out;
    }

    private static boolean[] positives(int[] y) {
        boolean[] p = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            p[i] = y[i] == 1;
        }
        return p;
    }

    private static double[] decisions(double[][] trainX, Smo.Solution sol, double[][] at, Kernel k) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double s = -sol.rho();
            for (int t = 0; t < trainX.length; t++) {
                if (sol.coef()[t] != 0) {
                    s += sol.coef()[t] * k.compute(trainX[t], at[i]);
                }
            }
            out[i] = s;
        }
        return out;
    }

    /** libsvm's svm_binary_svc_probability: decision values of each row from a machine that did not see it. */
    private double[] crossValidatedDecisions(double[][] x, int[] y, Kernel k, Rng rng) {
        int l = x.length;
        int[] perm = rng.permutation(l);
        double[] dec = new double[l];
        for (int f = 0; f < probabilityFolds; f++) {
            int begin = f * l / probabilityFolds;
            int end = (f + 1) * l / probabilityFolds;
            int trainSize = l - (end - begin);
            double[][] tx = new double[trainSize][];
            int[] ty = new int[trainSize];
            int pos = 0;
            int neg = 0;
            for (int j = 0, t = 0; j < l; j++) {
                if (j < begin || j >= end) {
                    tx[t] = x[perm[j]];
                    ty[t] = y[perm[j]];
                    pos += ty[t] == 1 ? 1 : 0;
                    neg += ty[t] == 1 ? 0 : 1;
                    t++;
                }
            }
            double[][] held = new double[end - begin][];
            for (int j = begin; j < end; j++) {
                held[j - begin] = x[perm[j]];
            }
            double[] d;
            if (pos == 0 || neg == 0) { // one class only in this fold's training part: a constant vote
                d = new double[held.length];
                java.util.Arrays.fill(d, pos > 0 ? 1 : neg > 0 ? -1 : 0);
            } else {
                d = decisions(tx, Smo.solve(tx, ty, k, c, tol, cacheBytes), held, k);
            }
            for (int j = begin; j < end; j++) {
                dec[perm[j]] = d[j - begin];
            }
        }
        return dec;
    }

    public static final class Builder {
        private double c = 1.0;
        private Kernel kernel = Kernel.rbf();
        private double tol = 1e-3;
        private int probabilityFolds = 5;
        private long seed;
        private int cacheMb = 200;

        public Builder c(double c) {
            this.c = c;
            return this;
        }

        public Builder kernel(Kernel kernel) {
            this.kernel = kernel;
            return this;
        }

        /** Stopping tolerance on the maximal KKT violation (libsvm's eps). */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        /** Internal folds for Platt scaling (libsvm uses 5); 0 fits the sigmoids on the training decisions. */
        public Builder probabilityFolds(int folds) {
            this.probabilityFolds = folds;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Memory for cached kernel rows, per binary problem. */
        public Builder cacheMb(int mb) {
            this.cacheMb = mb;
            return this;
        }

        public SvmClassifier build() {
            return new SvmClassifier(new Config(c, kernel, tol, probabilityFolds, seed, cacheMb));
        }
    }
}
