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
}
