package dev.kiln.supervised.classic;

import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;

/**
 * Model-file codecs of the classic fitted models (listed in META-INF/services). Everything a
 * prediction reads is stored exactly: F64 for thresholds, weights and targets, I32 for indices.
 */
public final class ClassicCodecs {
    private ClassicCodecs() {
    }

    static void writeTree(ModelWriter out, String p, Tree t) {
        out.array(p + "feature", t.feature).array(p + "threshold", t.threshold).array(p + "left", t.left)
                .array(p + "right", t.right).matrix(p + "value", t.value).array(p + "samples", t.samples)
                .array(p + "impurity", t.impurity);
    }

    static Tree readTree(ModelReader in, String p, int numFeatures) {
        int[] feature = in.ints(p + "feature");
        int[] left = in.ints(p + "left");
        int[] right = in.ints(p + "right");
        int n = feature.length;
        for (int i = 0; i < n; i++) { // a corrupt child index would loop or run off the arrays in predict
            if (feature[i] >= numFeatures || (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n
                    || right[i] >= n))) {
                throw in.fail("tree '" + p + "' node " + i + " is malformed (feature " + feature[i] + ", children "
                        + left[i] + ", " + right[i] + ")");
            }
        }
        return new Tree(feature, in.doubles(p + "threshold"), left, right, in.matrix(p + "value"), in.ints(p + "samples"),
                in.doubles(p + "impurity"), numFeatures);
    }

    public static final class DecisionTree implements ModelCodec<DecisionTreeModel> {
        public String name() {
            return "decision-tree-classifier";
        }

        public Class<DecisionTreeModel> type() {
            return DecisionTreeModel.class;
        }

        public void write(DecisionTreeModel m, ModelWriter out) {
            out.value("classes", m.numClasses()).value("features", m.tree().numFeatures);
            writeTree(out, "", m.tree());
        }

        public DecisionTreeModel read(ModelReader in) {
            return new DecisionTreeModel(readTree(in, "", in.intValue("features")), in.intValue("classes"));
        }
    }

    public static final class RegressionTree implements ModelCodec<RegressionTreeModel> {
        public String name() {
            return "decision-tree-regressor";
        }

        public Class<RegressionTreeModel> type() {
            return RegressionTreeModel.class;
        }

        public void write(RegressionTreeModel m, ModelWriter out) {
            out.value("features", m.tree().numFeatures);
            writeTree(out, "", m.tree());
        }

        public RegressionTreeModel read(ModelReader in) {
            return new RegressionTreeModel(readTree(in, "", in.intValue("features")));
        }
    }

    static void writeTrees(ModelWriter out, Tree[] trees) {
        out.value("trees", trees.length).value("features", trees[0].numFeatures);
        for (int i = 0; i < trees.length; i++) {
            writeTree(out, "tree" + i + ".", trees[i]);
        }
    }

    static Tree[] readTrees(ModelReader in) {
        int features = in.intValue("features");
        Tree[] trees = new Tree[in.intValue("trees")];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = readTree(in, "tree" + i + ".", features);
        }
        return trees;
    }

    public static final class Forest implements ModelCodec<ForestModel> {
        public String name() {
            return "random-forest-classifier";
        }

        public Class<ForestModel> type() {
            return ForestModel.class;
        }

        public void write(ForestModel m, ModelWriter out) {
            out.value("classes", m.numClasses()).value("oobScore", m.oobScore());
            writeTrees(out, m.trees());
        }

        public ForestModel read(ModelReader in) {
            return new ForestModel(readTrees(in), in.intValue("classes"), in.doubleValue("oobScore"));
        }
    }

    public static final class ForestRegression implements ModelCodec<ForestRegressionModel> {
        public String name() {
            return "random-forest-regressor";
        }

        public Class<ForestRegressionModel> type() {
            return ForestRegressionModel.class;
        }

        public void write(ForestRegressionModel m, ModelWriter out) {
            out.value("oobScore", m.oobScore());
            writeTrees(out, m.trees());
        }

        public ForestRegressionModel read(ModelReader in) {
            return new ForestRegressionModel(readTrees(in), in.doubleValue("oobScore"));
        }
    }

    public static final class Logistic implements ModelCodec<LogisticModel> {
        public String name() {
            return "logistic-regression";
        }

        public Class<LogisticModel> type() {
            return LogisticModel.class;
        }

        public void write(LogisticModel m, ModelWriter out) {
            out.value("classes", m.numClasses()).matrix("weights", m.coefficients()).array("intercepts", m.intercepts());
        }

        public LogisticModel read(ModelReader in) {
            return new LogisticModel(in.matrix("weights"), in.doubles("intercepts"), in.intValue("classes"));
        }
    }

    public static final class Linear implements ModelCodec<LinearModel> {
        public String name() {
            return "linear-model";
        }

        public Class<LinearModel> type() {
            return LinearModel.class;
        }

        public void write(LinearModel m, ModelWriter out) {
            out.array("coefficients", m.coefficients()).array("intercept", new double[] {m.intercept()});
        }

        public LinearModel read(ModelReader in) {
            return new LinearModel(in.doubles("coefficients"), in.doubles("intercept")[0]);
        }
    }

    static void writePlatt(ModelWriter out, String name, Platt p) {
        out.array(name, new double[] {p.a(), p.b()});
    }

    static Platt readPlatt(ModelReader in, String name) {
        double[] ab = in.doubles(name);
        return new Platt(ab[0], ab[1]);
    }

    public static final class LinearSvmCodec implements ModelCodec<LinearSvmModel> {
        public String name() {
            return "linear-svm";
        }

        public Class<LinearSvmModel> type() {
            return LinearSvmModel.class;
        }

        public void write(LinearSvmModel m, ModelWriter out) {
            out.value("classes", m.numClasses()).matrix("weights", m.coefficients()).array("intercepts", m.intercepts());
            Platt[] platt = m.platt();
            for (int i = 0; i < platt.length; i++) {
                writePlatt(out, "platt" + i, platt[i]);
            }
        }

        public LinearSvmModel read(ModelReader in) {
            double[][] w = in.matrix("weights");
            Platt[] platt = new Platt[w.length];
            for (int i = 0; i < platt.length; i++) {
                platt[i] = readPlatt(in, "platt" + i);
            }
            return new LinearSvmModel(w, in.doubles("intercepts"), platt, in.intValue("classes"));
        }
    }

    public static final class Svm implements ModelCodec<SvmModel> {
        public String name() {
            return "svm-classifier";
        }

        public Class<SvmModel> type() {
            return SvmModel.class;
        }

        public void write(SvmModel m, ModelWriter out) {
            Kernel k = m.kernel();
            out.value("classes", m.numClasses()).value("kernel", k.type().name()).value("degree", k.degree())
                    .array("kernelParameters", new double[] {k.gamma(), k.coef0()}).matrix("supportVectors", m.supportVectors());
            SvmModel.Pair[] pairs = m.pairs();
            out.value("pairs", pairs.length);
            for (int i = 0; i < pairs.length; i++) {
                SvmModel.Pair p = pairs[i];
                String q = "pair" + i + ".";
                out.array(q + "classes", new int[] {p.a(), p.b()}).array(q + "sv", p.sv()).array(q + "coef", p.coef())
                        .array(q + "rho", new double[] {p.rho()});
                if (p.platt() != null) {
                    writePlatt(out, q + "platt", p.platt());
                }
            }
        }

        public SvmModel read(ModelReader in) {
            double[] gc = in.doubles("kernelParameters");
            Kernel kernel = new Kernel(Kernel.Type.valueOf(in.string("kernel")), gc[0], gc[1], in.intValue("degree"));
            double[][] sv = in.matrix("supportVectors");
            SvmModel.Pair[] pairs = new SvmModel.Pair[in.intValue("pairs")];
            for (int i = 0; i < pairs.length; i++) {
                String q = "pair" + i + ".";
                int[] ab = in.ints(q + "classes");
                int[] idx = in.ints(q + "sv");
                for (int j : idx) {
                    if (j < 0 || j >= sv.length) {
                        throw in.fail("svm pair " + i + " refers to support vector " + j + " of " + sv.length);
                    }
                }
                pairs[i] = new SvmModel.Pair(ab[0], ab[1], idx, in.doubles(q + "coef"), in.doubles(q + "rho")[0],
                        in.has(q + "platt") ? readPlatt(in, q + "platt") : null);
            }
            return new SvmModel(kernel, sv, pairs, in.intValue("classes"));
        }
    }

    public static final class KnnClassifier implements ModelCodec<KNeighborsModel> {
        public String name() {
            return "knn-classifier";
        }

        public Class<KNeighborsModel> type() {
            return KNeighborsModel.class;
        }

        public void write(KNeighborsModel m, ModelWriter out) {
            out.value("classes", m.numClasses()).value("k", m.search().k()).value("weights", m.weights().name())
                    .matrix("x", m.search().points()).array("labels", m.labels());
        }

        public KNeighborsModel read(ModelReader in) {
            return new KNeighborsModel(new KNeighbors(in.matrix("x"), in.intValue("k")), in.ints("labels"),
                    in.intValue("classes"), KNeighbors.Weights.valueOf(in.string("weights")));
        }
    }

    public static final class KnnRegressor implements ModelCodec<KNeighborsRegressionModel> {
        public String name() {
            return "knn-regressor";
        }

        public Class<KNeighborsRegressionModel> type() {
            return KNeighborsRegressionModel.class;
        }

        public void write(KNeighborsRegressionModel m, ModelWriter out) {
            out.value("k", m.search().k()).value("weights", m.weights().name()).matrix("x", m.search().points())
                    .array("targets", m.targets());
        }

        public KNeighborsRegressionModel read(ModelReader in) {
            return new KNeighborsRegressionModel(new KNeighbors(in.matrix("x"), in.intValue("k")), in.doubles("targets"),
                    KNeighbors.Weights.valueOf(in.string("weights")));
        }
    }
}
