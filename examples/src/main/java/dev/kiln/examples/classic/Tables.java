package dev.kiln.examples.classic;

import dev.kiln.core.metrics.ClassificationMetrics;
import dev.kiln.core.metrics.ProbabilityMetrics;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The metrics table the classic examples print. */
final class Tables {
    private Tables() {
    }

    /** Per-class precision/recall/F1/support, the averages, accuracy, ROC-AUC and log-loss. */
    static void classificationReport(PrintStream out, Classifier model, ClassificationSet test, List<String> names) {
        int[] predicted = model.predict(test.features());
        double[][] proba = model.predictProba(test.features());
        ClassificationMetrics m = ClassificationMetrics.of(test.labels(), predicted, model.numClasses());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s%n", "", "precision", "recall", "f1", "support");
        for (int c = 0; c < m.numClasses(); c++) {
            out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %9d%n", names.get(c), m.precision(c), m.recall(c),
                    m.f1(c), m.support(c));
        }
        out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %9d%n", "macro avg", m.macroPrecision(), m.macroRecall(),
                m.macroF1(), test.size());
        out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %9d%n", "weighted avg", m.weightedPrecision(),
                m.weightedRecall(), m.weightedF1(), test.size());
        double auc = model.numClasses() == 2 ? ProbabilityMetrics.rocAuc(test.labels(), column(proba, 1))
                : ProbabilityMetrics.rocAucOvr(test.labels(), proba);
        out.printf(Locale.ROOT, "%-16s %9.3f%n", "accuracy", m.accuracy());
        out.printf(Locale.ROOT, "%-16s %9.3f%n", model.numClasses() == 2 ? "ROC-AUC" : "ROC-AUC (ovr)", auc);
        out.printf(Locale.ROOT, "%-16s %9.3f%n", "log-loss", ProbabilityMetrics.logLoss(test.labels(), proba));
        out.println("confusion matrix (rows: true, columns: predicted):");
        for (int[] row : m.confusionMatrix()) {
            StringBuilder sb = new StringBuilder("  ");
            for (int v : row) {
                sb.append(String.format(Locale.ROOT, "%5d", v));
            }
            out.println(sb);
        }
    }

    static double[] column(double[][] p, int c) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i][c];
        }
        return out;
    }
}
