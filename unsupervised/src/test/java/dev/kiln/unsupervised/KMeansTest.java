package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.unsupervised.metrics.ExternalMetrics;
import dev.kiln.unsupervised.metrics.InternalMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KMeansTest {
    private static final double[][] CENTRES = {{0, 0, 0}, {10, 10, 0}, {-10, 10, 5}, {10, -10, -5}};

    @Test
    void separableBlobsAreRecoveredExactly() {
        Synthetic.Labelled data = Synthetic.blobs(CENTRES, 100, 1.0, 7);
        KMeansModel model = KMeans.builder(4).nInit(2).seed(3).build().fit(data.points());
        assertThat(ExternalMetrics.adjustedRandIndex(data.labels(), model.labels())).isEqualTo(1.0);
        // each fitted centre lies near one true centre
        for (double[] c : model.centres()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] t : CENTRES) {
                nearest = Math.min(nearest, Math.sqrt(squared(c, t)));
            }
            assertThat(nearest).isLessThan(0.4);
        }
        double expected = InternalMetrics.inertia(data.points().toDoubleRows(), model.labels(), model.centres());
        assertThat(model.inertia()).isCloseTo(expected, within(expected * 1e-4));
    }

    @Test
    void oneLloydRunOnAHandExample() {
        Points p = Points.of(new double[][] {{0}, {1}, {10}, {11}});
        KMeansModel m = KMeans.builder(2).seed(1).build().fit(p);
        double[][] c = m.centres();
        double lo = Math.min(c[0][0], c[1][0]);
        double hi = Math.max(c[0][0], c[1][0]);
        assertThat(lo).isEqualTo(0.5);
        assertThat(hi).isEqualTo(10.5);
        assertThat(m.inertia()).isCloseTo(1.0, within(1e-6));
        assertThat(m.predict(Points.of(new double[][] {{-3}, {20}}))).containsExactly(m.labels()[0], m.labels()[3]);
        double[][] t = m.transform(Points.of(new double[][] {{0.5}}));
        assertThat(t[0][m.labels()[0]]).isCloseTo(0.0, within(1e-6));
        assertThat(t[0][m.labels()[3]]).isCloseTo(10.0, within(1e-5));
    }

    @Test
    void sameSeedGivesIdenticalResultsDifferentSeedsStartDifferently() {
        Synthetic.Labelled data = Synthetic.blobs(new double[][] {{0, 0}, {3, 0}, {0, 3}, {3, 3}, {6, 6}}, 40, 1.5, 11);
        KMeansModel a = KMeans.builder(5).seed(42).build().fit(data.points());
        KMeansModel b = KMeans.builder(5).seed(42).build().fit(data.points());
        assertThat(b.labels()).containsExactly(a.labels());
        assertThat(b.centres()).isDeepEqualTo(a.centres());
        assertThat(b.inertia()).isEqualTo(a.inertia());
        // the k-means++ seeds themselves are a function of the seed
        SquaredDistances dist = new SquaredDistances(data.points(), dev.kiln.core.backend.Backends.current());
        float[] s1 = KMeansPlusPlus.seed(data.points(), dist, 5, new dev.kiln.core.tensor.Rng(1));
        float[] s1again = KMeansPlusPlus.seed(data.points(), dist, 5, new dev.kiln.core.tensor.Rng(1));
        float[] s2 = KMeansPlusPlus.seed(data.points(), dist, 5, new dev.kiln.core.tensor.Rng(2));
        assertThat(s1again).containsExactly(s1);
        assertThat(s2).isNotEqualTo(s1);
    }

    @Test
    void kMeansPlusPlusPicksDistinctDataPoints() {
        Synthetic.Labelled data = Synthetic.blobs(CENTRES, 30, 0.5, 5);
        SquaredDistances dist = new SquaredDistances(data.points(), dev.kiln.core.backend.Backends.current());
        float[] seeds = KMeansPlusPlus.seed(data.points(), dist, 4, new dev.kiln.core.tensor.Rng(9));
        int[] labels = new int[4];
        for (int c = 0; c < 4; c++) {
            int row = -1;
            for (int i = 0; i < data.points().rows() && row < 0; i++) {
                boolean same = true;
                for (int j = 0; j < 3; j++) {
                    same &= data.points().get(i, j) == seeds[c * 3 + j];
                }
                row = same ? i : -1;
            }
            assertThat(row).as("seed %d is a data point", c).isGreaterThanOrEqualTo(0);
            labels[c] = data.labels()[row];
        }
        // with far-apart blobs, D² sampling puts one seed in each blob
        assertThat(labels).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void moreRestartsNeverGiveHigherInertia() {
        Synthetic.Labelled data = Synthetic.blobs(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}}, 50, 1.2, 3);
        for (long seed = 0; seed < 4; seed++) {
            double one = KMeans.builder(6).seed(seed).build().fit(data.points()).inertia();
            double four = KMeans.builder(6).seed(seed).nInit(4).build().fit(data.points()).inertia();
            assertThat(four).isLessThanOrEqualTo(one);
        }
    }

    @Test
    void gemmDistancesMatchDirectComputation() {
        Synthetic.Labelled data = Synthetic.blobs(CENTRES, 20, 2.0, 1);
        float[] centres = {1, 2, 3, -4, 5, 6};
        float[] got = new SquaredDistances(data.points(), dev.kiln.core.backend.Backends.current()).to(centres).toArray();
        for (int i = 0; i < data.points().rows(); i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < 3; j++) {
                    double e = data.points().get(i, j) - centres[c * 3 + j];
                    s += e * e;
                }
                assertThat((double) got[i * 2 + c]).isCloseTo(s, within(1e-3 + 1e-5 * s));
            }
        }
    }

    @Test
    void emptyClusterTakesTheFarthestPoint() {
        Points p = Points.of(new double[][] {{0}, {1}, {2}, {50}});
        SquaredDistances dist = new SquaredDistances(p, dev.kiln.core.backend.Backends.current());
        // 50 is as far from 0 as from 100; ties go to the first centre, so centres 1 and 2 are empty and
        // move to the points farthest from their centre: 50, then 2.
        float[] centres = {0, 100, -100};
        SquaredDistances.Assignment a = dist.assign(centres);
        assertThat(a.labels()).containsExactly(0, 0, 0, 0);
        float[] next = Lloyd.update(dist, p, a, 3);
        assertThat(next[0]).isEqualTo(13.25f);
        assertThat(next[1]).isEqualTo(50f);
        assertThat(next[2]).isEqualTo(2f); // second-farthest point for the second empty cluster
    }

    @Test
    void listenerSeesOneEpochPerIterationAndCanStop() {
        Synthetic.Labelled data = Synthetic.blobs(CENTRES, 50, 3.0, 2);
        List<Double> inertias = new ArrayList<>();
        TrainingListener stopAfterTwo = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                inertias.add(metrics.get("inertia"));
                if (epoch == 1) {
                    c.requestStop("test");
                }
            }
        };
        KMeansModel m = KMeans.builder(4).tol(0).build().fit(data.points(), stopAfterTwo);
        assertThat(inertias).hasSize(2);
        assertThat(m.iterations()).isEqualTo(2);
        assertThat(inertias.get(1)).isLessThanOrEqualTo(inertias.get(0));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Points three = Points.of(new double[][] {{0}, {1}, {2}});
        assertThatThrownBy(() -> KMeans.builder(4).build().fit(three))
                .hasMessageContaining("k = 4").hasMessageContaining("got 3");
        assertThatThrownBy(() -> KMeans.builder(0).build()).hasMessageContaining("KMeans.k: must be >= 1, got 0");
        KMeansModel m = KMeans.builder(2).build().fit(three);
        assertThatThrownBy(() -> m.predict(Points.of(new double[][] {{1, 2}})))
                .hasMessageContaining("fitted on 1 features, got 2");
        assertThatThrownBy(() -> Points.of(new double[][] {{1}, {Double.NaN}}))
                .hasMessageContaining("row 1");
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
