package dev.kiln.semisupervised;

import dev.kiln.core.component.Doc;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;

/**
 * Label propagation (Zhu and Ghahramani 2002; scikit-learn's {@code LabelPropagation}): labels
 * flow over the normalised graph while the given labels stay clamped (hard clamping). kNN graphs
 * are sparse (O(n·k) memory); RBF is dense.
 */
public final class LabelPropagation implements Trainer<SemiSupervisedSet, GraphLabelModel> {
    /** The hyper-parameters (scikit-learn's names and defaults). */
    public record Config(@Doc("RBF: dense exp(-gamma d²) graph; KNN: sparse k-nearest-neighbour graph") GraphLabelModel.Kernel kernel,
                         @Doc("RBF width") @Range(min = 0, minExclusive = true) double gamma,
                         @Doc("neighbours per row of the KNN graph (itself included)") @Range(min = 1) int k,
                         @Doc("most iterations") @Range(min = 1) int maxIter,
                         @Doc("stop when the summed absolute change is below this") @Range(min = 0) double tol) {
        public Config {
            HyperParameters.check(Config.class, kernel, gamma, k, maxIter, tol);
        }

        public static final Config DEFAULTS = new Config(GraphLabelModel.Kernel.RBF, 20, 7, 1000, 1e-3);

        public Config withKernel(GraphLabelModel.Kernel kr) {
            return new Config(kr, gamma, k, maxIter, tol);
        }

        public Config withGamma(double g) {
            return new Config(kernel, g, k, maxIter, tol);
        }

        public Config withK(int n) {
            return new Config(kernel, gamma, n, maxIter, tol);
        }
    }

    private final Config config;

    public LabelPropagation(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public GraphLabelModel fit(SemiSupervisedSet data, TrainingListener listener) {
        return GraphLabelModel.fit("LabelPropagation", data, config.kernel(), config.gamma(), config.k(), null,
                config.maxIter(), config.tol(), listener);
    }
}
