package dev.kiln.unsupervised;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;
import java.util.ArrayList;
import java.util.List;

/** Model-file codecs of the fitted clusterers and PCA (listed in META-INF/services). */
public final class UnsupervisedCodecs {
    private UnsupervisedCodecs() {
    }

    public static final class KMeansCodec implements ModelCodec<KMeansModel> {
        public String name() {
            return "kmeans";
        }

        public Class<KMeansModel> type() {
            return KMeansModel.class;
        }

        public void write(KMeansModel m, ModelWriter out) {
            out.array("centres", m.rawCentres(), m.k(), m.cols()).array("labels", m.labels())
                    .value("inertia", m.inertia()).value("iterations", m.iterations());
        }

        public KMeansModel read(ModelReader in) {
            int cols = in.array("centres").shape()[1];
            // distances run on the current backend, as in a fresh fit: same backend, same bits
            return new KMeansModel(in.floats("centres"), cols, in.ints("labels"), in.doubleValue("inertia"),
                    in.intValue("iterations"), Backends.current());
        }
    }

    public static final class GaussianMixtureCodec implements ModelCodec<GaussianMixtureModel> {
        public String name() {
            return "gaussian-mixture";
        }

        public Class<GaussianMixtureModel> type() {
            return GaussianMixtureModel.class;
        }

        public void write(GaussianMixtureModel m, ModelWriter out) {
            double[][][] cov = m.covariances();
            int r = cov[0].length;
            int d = cov[0][0].length;
            double[] flat = new double[cov.length * r * d];
            for (int c = 0; c < cov.length; c++) {
                for (int i = 0; i < r; i++) {
                    System.arraycopy(cov[c][i], 0, flat, (c * r + i) * d, d);
                }
            }
            out.value("covarianceType", m.covarianceType().name()).value("converged", m.converged())
                    .value("iterations", m.iterations()).value("lowerBound", m.lowerBound())
                    .array("weights", m.weights()).matrix("means", m.means()).array("covariances", flat, cov.length, r, d)
                    .array("labels", m.labels());
        }

        public GaussianMixtureModel read(ModelReader in) {
            int[] shape = in.array("covariances").shape();
            double[] flat = in.doubles("covariances");
            double[][][] cov = new double[shape[0]][shape[1]][shape[2]];
            for (int c = 0; c < shape[0]; c++) {
                for (int i = 0; i < shape[1]; i++) {
                    System.arraycopy(flat, (c * shape[1] + i) * shape[2], cov[c][i], 0, shape[2]);
                }
            }
            return new GaussianMixtureModel(CovarianceType.valueOf(in.string("covarianceType")), in.doubles("weights"),
                    in.matrix("means"), cov, in.bool("converged"), in.intValue("iterations"), in.doubleValue("lowerBound"))
                    .withLabels(in.ints("labels"));
        }
    }

    public static final class DbscanCodec implements ModelCodec<DbscanModel> {
        public String name() {
            return "dbscan";
        }

        public Class<DbscanModel> type() {
            return DbscanModel.class;
        }

        public void write(DbscanModel m, ModelWriter out) {
            boolean[] core = m.coreFlags();
            int[] flags = new int[core.length];
            for (int i = 0; i < core.length; i++) {
                flags[i] = core[i] ? 1 : 0;
            }
            out.value("clusters", m.clusters()).value("eps", m.eps()).array("labels", m.labels()).array("core", flags)
                    .matrix("corePoints", m.corePoints()).array("coreLabels", m.coreLabels());
        }

        public DbscanModel read(ModelReader in) {
            int[] flags = in.ints("core");
            boolean[] core = new boolean[flags.length];
            for (int i = 0; i < flags.length; i++) {
                core[i] = flags[i] != 0;
            }
            return new DbscanModel(in.ints("labels"), core, in.intValue("clusters"), in.matrix("corePoints"),
                    in.ints("coreLabels"), in.doubleValue("eps"));
        }
    }

    public static final class AgglomerativeCodec implements ModelCodec<AgglomerativeModel> {
        public String name() {
            return "agglomerative";
        }

        public Class<AgglomerativeModel> type() {
            return AgglomerativeModel.class;
        }

        public void write(AgglomerativeModel m, ModelWriter out) {
            List<Merge> merges = m.merges();
            int[] pairs = new int[3 * merges.size()];
            double[] distances = new double[merges.size()];
            for (int i = 0; i < merges.size(); i++) {
                Merge g = merges.get(i);
                pairs[3 * i] = g.left();
                pairs[3 * i + 1] = g.right();
                pairs[3 * i + 2] = g.size();
                distances[i] = g.distance();
            }
            Points train = m.train();
            float[] x = new float[train.rows() * train.cols()];
            for (int i = 0; i < train.rows(); i++) {
                for (int j = 0; j < train.cols(); j++) {
                    x[i * train.cols() + j] = train.get(i, j);
                }
            }
            out.value("clusters", m.numClusters()).array("merges", pairs, merges.size(), 3).array("distances", distances)
                    .array("train", x, train.rows(), train.cols());
        }

        public AgglomerativeModel read(ModelReader in) {
            int[] pairs = in.ints("merges");
            double[] distances = in.doubles("distances");
            List<Merge> merges = new ArrayList<>();
            for (int i = 0; i < distances.length; i++) {
                merges.add(new Merge(pairs[3 * i], pairs[3 * i + 1], distances[i], pairs[3 * i + 2]));
            }
            int[] shape = in.array("train").shape();
            Points train = Points.of(in.floats("train"), shape[0], shape[1]);
            return new AgglomerativeModel(shape[0], merges, in.intValue("clusters"), train);
        }
    }

    public static final class PcaCodec implements ModelCodec<PcaModel> {
        public String name() {
            return "pca";
        }

        public Class<PcaModel> type() {
            return PcaModel.class;
        }

        public void write(PcaModel m, ModelWriter out) {
            out.value("whiten", m.whiten()).array("mean", m.mean()).matrix("components", m.componentVectors())
                    .array("explainedVariance", m.explainedVariance()).array("explainedVarianceRatio", m.explainedVarianceRatio());
        }

        public PcaModel read(ModelReader in) {
            return new PcaModel(in.doubles("mean"), in.matrix("components"), in.doubles("explainedVariance"),
                    in.doubles("explainedVarianceRatio"), in.bool("whiten"));
        }
    }
}
