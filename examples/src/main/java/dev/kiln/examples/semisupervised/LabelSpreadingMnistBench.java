package dev.kiln.examples.semisupervised;

import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import dev.kiln.semisupervised.GraphLabelModel;
import dev.kiln.semisupervised.LabelHiding;
import dev.kiln.semisupervised.LabelSpreading;
import dev.kiln.semisupervised.SemiSupervisedSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label spreading on MNIST's 70,000 images (train then test, pixels / 255) with a sparse kNN
 * graph, {@code --labels-per-class} labels kept by {@link LabelHiding} (seeded): seconds, peak
 * heap and accuracy on the unlabelled images.
 *
 * <p>{@code ./kiln bench label-spreading-mnist [--json] [--limit N] [--k 10] [--labels-per-class 10] [--seed 0]
 * [--split-file F]}; needs {@code ./kiln data fetch mnist}. The peer,
 * {@code /usr/bin/python3 benchmarks/peers/label_spreading_mnist_sklearn.py --split-file F}, runs scikit-learn's
 * {@code LabelSpreading(kernel='knn')} on the same images and labels and prints the same keys.
 */
public final class LabelSpreadingMnistBench implements Bench {
    @Override
    public String name() {
        return "label-spreading-mnist";
    }

    @Override
    public String description() {
        return "label spreading (sparse kNN graph) on MNIST's 70,000 images with 10 labels per class";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("limit", 0, "use only the first N of the 70,000 images (0: all)")
                .integer("k", 10, "neighbours per row of the graph").integer("labels-per-class", 10, "labels kept per class")
                .number("seed", 0, "seed of the label choice").integer("max-iter", 30, "most spreading iterations")
                .string("split-file", "", "also write the label split here, for the scikit-learn peer (label_spreading_mnist_sklearn.py)");
    }

    @Override
    public Map<String, Object> run(Options options) throws Exception {
        ImageDataset train = Mnist.DIGITS.train(Normalization.UNIT);
        ImageDataset test = Mnist.DIGITS.test(Normalization.UNIT);
        int all = train.size() + test.size();
        int n = options.integer("limit") > 0 ? Math.min(options.integer("limit"), all) : all;
        double[][] x = new double[n][784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            ImageDataset from = i < train.size() ? train : test;
            int r = i < train.size() ? i : i - train.size();
            for (int p = 0; p < 784; p++) {
                x[i][p] = from.pixel(r, p) / 255.0;
            }
            y[i] = from.label(r);
        }
        ClassificationSet full = new ClassificationSet(x, y);
        LabelHiding.Split split = LabelHiding.hide(full, options.integer("labels-per-class"), options.number("seed"));
        if (!options.string("split-file").isEmpty()) {
            LabelHiding.write(split, java.nio.file.Path.of(options.string("split-file")));
        }
        SemiSupervisedSet data = split.apply(full);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        GraphLabelModel m = new LabelSpreading(LabelSpreading.Config.DEFAULTS.withKernel(GraphLabelModel.Kernel.KNN)
                .withK(options.integer("k")).withMaxIter(options.integer("max-iter"))).fit(data);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed(); // sum of per-pool peaks: an upper bound of the heap's peak
            }
        }
        int[] pred = Arrays.copyOfRange(m.transduction(), data.labelledSize(), data.size());
        int[] truth = split.hiddenLabels(full);
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += pred[i] == truth[i] ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", n);
        out.put("labelled", data.labelledSize());
        out.put("k", options.integer("k"));
        out.put("seconds", seconds);
        out.put("iterations", m.iterations());
        out.put("peak_heap_mb", peak / (1024.0 * 1024.0));
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        out.put("accuracy_unlabelled", ok / (double) pred.length);
        return out;
    }
}
