package dev.kiln.conformance.learner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Learners;
import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;
import dev.kiln.core.train.Trainer;
import dev.kiln.core.train.TrainingListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit is only worth something if it fails wrong learners: an honest nearest-centroid
 * classifier passes every check, and each deliberately broken variant fails the check for the
 * contract it breaks.
 */
class LearnerConformanceKitSelfTest {
    enum Flaw {
        NONE(null),
        UNNORMALISED_PROBABILITIES("probabilities that sum to 1"),
        NON_DETERMINISTIC("same bits"),
        MUTATES_INPUT("caller's arrays"),
        IGNORES_WIDTH("wrong width"),
        ACCEPTS_EMPTY_DATA("empty dataset"),
        PREDICTS_ONE_CLASS("separates three blobs"),
        ACCEPTS_NAN("NaN feature"),
        LOSSY_SAVE("saved and loaded"),
        THREAD_UNSAFE("two threads");

        final String failingCheck;

        Flaw(String failingCheck) {
            this.failingCheck = failingCheck;
        }
    }

    public record Config(@Range(min = 0) double shrink) {
        public Config {
            HyperParameters.check(Config.class, shrink);
        }
    }

    private static final AtomicInteger FITS = new AtomicInteger();

    /** Nearest centroid with softmax(-distance²) probabilities, broken as {@code flaw} says. */
    @SuppressWarnings("rawtypes")
    static final class Centroids implements Trainer<ClassificationSet, Classifier> {
        private final Flaw flaw;

        Centroids(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public Classifier fit(ClassificationSet data, TrainingListener listener) {
            if (data.size() == 0 && flaw != Flaw.ACCEPTS_EMPTY_DATA) {
                throw new IllegalArgumentException("Centroids: no rows");
            }
            int k = 3;
            int d = data.size() == 0 ? 2 : data.features()[0].length;
            for (int i = 0; i < data.size() && flaw != Flaw.ACCEPTS_NAN; i++) {
                for (int j = 0; j < d; j++) {
                    if (Double.isNaN(data.features()[i][j])) {
                        throw new IllegalArgumentException("Centroids: feature [" + i + "][" + j + "] is NaN");
                    }
                }
            }
            double[][] c = new double[k][d];
            int[] n = new int[k];
            for (int i = 0; i < data.size(); i++) {
                int y = data.labels()[i];
                n[y]++;
                for (int j = 0; j < d; j++) {
                    c[y][j] += data.features()[i][j];
                }
                if (flaw == Flaw.MUTATES_INPUT) {
                    data.features()[i][0] = 0;
                }
            }
            double jitter = flaw == Flaw.NON_DETERMINISTIC ? 1e-9 * FITS.incrementAndGet() : 0;
            for (int y = 0; y < k; y++) {
                for (int j = 0; j < d; j++) {
                    c[y][j] = c[y][j] / Math.max(1, n[y]) + jitter;
                }
            }
            return new CentroidModel(c, flaw);
        }
    }

    /** The fitted model; {@link Codec} saves it (listed in this module's test services). */
    static final class CentroidModel implements Classifier {
        final double[][] c;
        final Flaw flaw;
        private final AtomicInteger inFlight = new AtomicInteger();

        CentroidModel(double[][] c, Flaw flaw) {
            this.c = c;
            this.flaw = flaw;
        }

        @Override
        public int[] predict(Features x) {
            return Classifier.argmax(predictProba(x));
        }

        @Override
        public double[][] predictProba(Features x) {
            int k = c.length;
            int d = c[0].length;
            if (flaw != Flaw.IGNORES_WIDTH && x.width() != d) {
                throw new IllegalArgumentException("Centroids: fitted on " + d + " features, got " + x.width());
            }
            // THREAD_UNSAFE stands for shared scratch state: a call that overlaps another corrupts its result
            boolean overlapped = flaw == Flaw.THREAD_UNSAFE && (inFlight.incrementAndGet() > 1 || pause());
            double[][] p = new double[x.size()][k];
            for (int i = 0; i < p.length; i++) {
                double sum = 0;
                for (int y = 0; y < k; y++) {
                    double s = 0;
                    for (int j = 0; j < Math.min(d, x.width()); j++) {
                        double e = x.row(i)[j] - c[y][j];
                        s += e * e;
                    }
                    p[i][y] = flaw == Flaw.PREDICTS_ONE_CLASS ? (y == 0 ? 1 : 0) : Math.exp(-s);
                    sum += p[i][y];
                }
                for (int y = 0; y < k && flaw != Flaw.UNNORMALISED_PROBABILITIES; y++) {
                    p[i][y] /= sum;
                }
            }
            if (flaw == Flaw.THREAD_UNSAFE) {
                if (overlapped || inFlight.get() > 1) {
                    p[0][0] += 1e-3;
                }
                inFlight.decrementAndGet();
            }
            return p;
        }

        /** Holds a lone call open long enough for a second thread to overlap it; true if one did. */
        private boolean pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inFlight.get() > 1;
        }

        @Override
        public int numClasses() {
            return c.length;
        }
    }

    public static final class Codec implements ModelCodec<CentroidModel> {
        @Override
        public String name() {
            return "test-centroids";
        }

        @Override
        public Class<CentroidModel> type() {
            return CentroidModel.class;
        }

        @Override
        public void write(CentroidModel m, ModelWriter out) {
            out.value("flaw", m.flaw.name());
            if (m.flaw == Flaw.LOSSY_SAVE) {
                float[] f = new float[m.c.length * m.c[0].length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) m.c[i / m.c[0].length][i % m.c[0].length];
                }
                out.array("centroids32", f, m.c.length, m.c[0].length);
            } else {
                out.matrix("centroids", m.c);
            }
        }

        @Override
        public CentroidModel read(ModelReader in) {
            Flaw flaw = Flaw.valueOf(in.string("flaw"));
            if (flaw != Flaw.LOSSY_SAVE) {
                return new CentroidModel(in.matrix("centroids"), flaw);
            }
            float[] f = in.floats("centroids32");
            int d = in.array("centroids32").shape()[1];
            double[][] c = new double[f.length / d][d];
            for (int i = 0; i < f.length; i++) {
                c[i / d][i % d] = f[i];
            }
            return new CentroidModel(c, flaw);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<DynamicTest> checks(Flaw flaw) {
        Component<?, Trainer> c = (Component) Component.of(Learners.CLASSIFIER, "centroids", new Config(0),
                cfg -> new Centroids(flaw), "test learner");
        return LearnerConformanceKit.classifierChecks(c);
    }

    private static boolean fails(DynamicTest t) {
        try {
            t.getExecutable().execute();
            return false;
        } catch (AssertionError e) {
            return true;
        } catch (Throwable e) {
            return true;
        }
    }

    @Test
    void anHonestLearnerPassesEveryCheck() {
        assertThat(checks(Flaw.NONE)).noneMatch(LearnerConformanceKitSelfTest::fails);
    }

    @ParameterizedTest
    @EnumSource(value = Flaw.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachFlawFailsTheCheckForItsContract(Flaw flaw) {
        List<String> failed = checks(flaw).stream().filter(LearnerConformanceKitSelfTest::fails)
                .map(DynamicTest::getDisplayName).toList();
        assertThat(failed).as("checks failed by a learner with flaw %s", flaw)
                .anyMatch(name -> name.contains(flaw.failingCheck));
    }
}
