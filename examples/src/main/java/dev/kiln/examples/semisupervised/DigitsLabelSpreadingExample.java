package dev.kiln.examples.semisupervised;

import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.semisupervised.GraphLabelModel;
import dev.kiln.semisupervised.LabelHiding;
import dev.kiln.semisupervised.LabelSpreading;
import dev.kiln.semisupervised.SemiSupervisedSet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Label spreading on scikit-learn's digits example split (RandomState(2) shuffle, the first 340
 * digits, 40 of them labelled), RBF (gamma 0.25) and kNN (k 7) graphs, 20 iterations. The split
 * file and scikit-learn's labels come from the peer,
 * {@code /usr/bin/python3 benchmarks/peers/label_spreading_sklearn.py}, because numpy's shuffle
 * cannot be reproduced here; the example prints accuracy, macro-F1 and the share of the 300
 * unlabelled digits on which Kiln and scikit-learn agree.
 *
 * <p>{@code ./kiln example digits-label-spreading [--peer DIR]}; needs {@code ./kiln data fetch sklearn}.
 */
public final class DigitsLabelSpreadingExample implements Example {
    @Override
    public String name() {
        return "digits-label-spreading";
    }

    @Override
    public String description() {
        return "label spreading (RBF and kNN) on the 8x8 digits, 40 labels of 340, side by side with scikit-learn";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().string("peer", "benchmarks/peers/digits-label-spreading",
                "folder with split.txt and scikit-learn's labels (written by label_spreading_sklearn.py)");
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        Path peer = Path.of(options.string("peer"));
        ClassificationSet digits = SklearnDatasets.fromCache().digits().toClassificationSet();
        LabelHiding.Split split = LabelHiding.read(peer.resolve("split.txt"));
        SemiSupervisedSet data = split.apply(digits);
        int[] truth = split.hiddenLabels(digits);
        out.printf("digits: %d labelled + %d unlabelled of %d (split %s)%n%n", data.labelledSize(), data.unlabelledSize(),
                digits.size(), peer.resolve("split.txt"));
        out.printf("%-24s %8s %8s %8s %6s %22s%n", "kiln LabelSpreading", "accuracy", "macroF1", "seconds", "iters",
                "same label as sklearn");
        LabelSpreading.Config base = LabelSpreading.Config.DEFAULTS.withMaxIter(20);
        run(out, "rbf (gamma 0.25)", new LabelSpreading(base.withGamma(0.25)), data, truth, peer.resolve("sklearn_rbf.txt"));
        run(out, "knn (k 7)", new LabelSpreading(base.withKernel(GraphLabelModel.Kernel.KNN).withK(7)), data, truth,
                peer.resolve("sklearn_knn.txt"));
        return 0;
    }

    private static void run(PrintStream out, String label, LabelSpreading learner, SemiSupervisedSet data, int[] truth,
                            Path peerLabels) throws Exception {
        long t0 = System.nanoTime();
        GraphLabelModel m = learner.fit(data);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int[] pred = Arrays.copyOfRange(m.transduction(), data.labelledSize(), data.size());
        String same = "(no peer file)";
        if (Files.isRegularFile(peerLabels)) {
            int[] theirs = Arrays.stream(Files.readString(peerLabels).strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            if (theirs.length != pred.length) {
                throw new IllegalArgumentException(peerLabels + ": " + theirs.length + " labels, expected " + pred.length);
            }
            int agree = 0;
            for (int i = 0; i < pred.length; i++) {
                agree += pred[i] == theirs[i] ? 1 : 0;
            }
            same = String.format("%d/%d (%.4f)", agree, pred.length, agree / (double) pred.length);
        }
        out.printf("%-24s %8.4f %8.4f %8.4f %6d %22s%n", label, accuracy(pred, truth), macroF1(pred, truth, 10), seconds,
                m.iterations(), same);
    }

    static double accuracy(int[] pred, int[] truth) {
        int ok = 0;
        for (int i = 0; i < pred.length; i++) {
            ok += pred[i] == truth[i] ? 1 : 0;
        }
        return ok / (double) pred.length;
    }

    /** Unweighted mean of the per-class F1 over classes that occur in either list (scikit-learn's average="macro"). */
    static double macroF1(int[] pred, int[] truth, int classes) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < pred.length; i++) {
                tp += pred[i] == c && truth[i] == c ? 1 : 0;
                fp += pred[i] == c && truth[i] != c ? 1 : 0;
                fn += pred[i] != c && truth[i] == c ? 1 : 0;
            }
            if (tp + fp + fn > 0) {
                sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                counted++;
            }
        }
        return sum / counted;
    }
}
