package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.unsupervised.metrics.ExternalMetrics;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {
    @Test
    void separableBlobsAreRecoveredAndInertiaIsCloseToFullKMeans() {
        Synthetic.Labelled data = Synthetic.blobs(new double[][] {{0, 0}, {10, 0}, {0, 10}, {10, 10}}, 500, 1.0, 6);
        KMeansModel mini = MiniBatchKMeans.builder(4).batchSize(100).seed(1).build().fit(data.points());
        assertThat(ExternalMetrics.adjustedRandIndex(data.labels(), mini.labels())).isEqualTo(1.0);
        double full = KMeans.builder(4).seed(1).build().fit(data.points()).inertia();
        assertThat(mini.inertia()).isLessThan(full * 1.02);
    }

    @Test
    void sameSeedSameModel() {
        Synthetic.Labelled data = Synthetic.blobs(new double[][] {{0, 0}, {3, 0}, {0, 3}}, 200, 1.0, 2);
        KMeansModel a = MiniBatchKMeans.builder(3).batchSize(64).seed(5).build().fit(data.points());
        KMeansModel b = MiniBatchKMeans.builder(3).batchSize(64).seed(5).build().fit(data.points());
        assertThat(b.centres()).isDeepEqualTo(a.centres());
    }

    @Test
    void partialFitLearnsFromBatchesItNeverHoldsTogether() {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        MiniBatchKMeans.Partial p = MiniBatchKMeans.builder(3).seed(4).build().partial();
        for (int b = 0; b < 30; b++) {
            // each batch is a fresh draw, shuffled so every batch holds all three blobs
            Synthetic.Labelled batch = Synthetic.blobs(centres, 20, 1.0, 100 + b);
            p.update(batch.points().select(new dev.kiln.core.tensor.Rng(b).permutation(60)));
        }
        Synthetic.Labelled test = Synthetic.blobs(centres, 50, 1.0, 7);
        KMeansModel m = p.model(test.points());
        assertThat(p.batches()).isEqualTo(30);
        assertThat(ExternalMetrics.adjustedRandIndex(test.labels(), m.labels())).isEqualTo(1.0);
        for (double[] c : m.centres()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] t : centres) {
                nearest = Math.min(nearest, Math.hypot(c[0] - t[0], c[1] - t[1]));
            }
            assertThat(nearest).isLessThan(0.3);
        }
    }
}
