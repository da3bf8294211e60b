package dev.kiln.conformance.learner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.component.Component;
import dev.kiln.core.component.HyperParameters;
import dev.kiln.core.component.Range;
import dev.kiln.core.ml.ClassificationSet;
import dev.kiln.core.ml.Classifier;
import dev.kiln.core.ml.Features;
import dev.kiln.core.ml.Learners;
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
        PREDICTS_ONE_CLASS("separates three blobs");

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
            return new Classifier() {
                @Override
                public int[] predict(Features x) {
                    return Classifier.argmax(predictProba(x));
                }

                @Override
                public double[][] predictProba(Features x) {
                    if (flaw != Flaw.IGNORES_WIDTH && x.width() != d) {
                        throw new IllegalArgumentException("Centroids: fitted on " + d + " features, got " + x.width());
                    }
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
                    return p;
                }

                @Override
                public int numClasses() {
                    return k;
                }
            };
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
