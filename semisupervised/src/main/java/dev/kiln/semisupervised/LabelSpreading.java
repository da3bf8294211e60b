package dev.kiln.semisupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * Label spreading (Zhou et al. 2004; scikit-learn's {@code LabelSpreading}): labels diffuse over
 * the symmetrically normalised graph, and {@code alpha} lets given labels change (soft clamping),
 * which makes it robust to label noise. kNN graphs are sparse (O(n·k) memory); RBF is dense.
 */
public final class LabelSpreading implements Trainer<SemiSupervisedSet, GraphLabelModel> {
    /** The hyper-parameters (scikit-learn's names and defaults). */
    public record Config(@Doc("RBF: dense exp(-gamma d²) graph; KNN: sparse k-nearest-neighbour graph") GraphLabelModel.Kernel kernel,
                         @Doc("RBF width") @Range(min = 0, minExclusive = true) double gamma,
                         @Doc("neighbours per row of the KNN graph (itself included)") @Range(min = 1) int k,
                         @Doc("share of each step taken from the neighbours; 1 - alpha stays with the initial labels")
                         @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true) double alpha,
                         @Doc("most iterations") @Range(min = 1) int maxIter,
                         @Doc("stop when the summed absolute change is below this") @Range(min = 0) double tol) {
        public Config {
            HyperParameters.check(Config.class, kernel, gamma, k, alpha, maxIter, tol);
        }

        public static final Config DEFAULTS = new Config(GraphLabelModel.Kernel.RBF, 20, 7, 0.2, 30, 1e-3);

        public Config withKernel(GraphLabelModel.Kernel kr) {
            return new Config(kr, gamma, k, alpha, maxIter, tol);
        }

        public Config withGamma(double g) {
            return new Config(kernel, g, k, alpha, maxIter, tol);
        }

        public Config withK(int n) {
            return new Config(kernel, gamma, n, alpha, maxIter, tol);
        }

        public Config withAlpha(double a) {
            return new Config(kernel, gamma, k, a, maxIter, tol);
        }

        public Config withMaxIter(int m) {
            return new Config(kernel, gamma, k, alpha, m, tol);
        }
    }

    private final Config config;

    public LabelSpreading(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public GraphLabelModel fit(SemiSupervisedSet data, TrainingListener listener) {
        return GraphLabelModel.fit("LabelSpreading", data, config.kernel(), config.gamma(), config.k(), config.alpha(),
                config.maxIter(), config.tol(), listener);
    }
}
