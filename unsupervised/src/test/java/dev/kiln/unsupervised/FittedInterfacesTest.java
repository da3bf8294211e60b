package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.ml.Clusterer;
import dev.kiln.core.ml.FeatureTransform;
import dev.kiln.core.ml.Features;
import dev.kiln.unsupervised.metrics.ExternalMetrics;
import org.junit.jupiter.api.Test;

/** PCA's output is a {@link Features} that k-means clusters directly, through the core interfaces. */
class FittedInterfacesTest {
    @Test
    void pcaProjectionFeedsKMeansThroughTheCoreInterfaces() {
        double[][] centres = {{0, 0, 0, 0, 0, 0}, {6, 6, 0, 0, 0, 0}, {0, 6, 6, 0, 0, 0}};
        Synthetic.Labelled data = Synthetic.blobs(centres, 50, 0.7, 3);
        Features raw = Features.of(data.points().toDoubleRows());
        FeatureTransform pca = Pca.of(2).fit(data.points());
        Features projected = pca.transform(raw);
        assertThat(projected.width()).isEqualTo(2);
        assertThat(pca.invertible()).isTrue();
        assertThat(pca.inverseTransform(projected).width()).isEqualTo(6);

        Clusterer km = KMeans.builder(3).seed(1).build().fit(Points.of(projected));
        assertThat(km.numClusters()).isEqualTo(3);
        assertThat(km.predict(projected)).containsExactly(km.labels());
        assertThat(ExternalMetrics.adjustedRandIndex(data.labels(), km.labels())).isGreaterThan(0.95);

        Clusterer gmm = GaussianMixture.builder(3).seed(2).build().fit(Points.of(projected));
        assertThat(gmm.numClusters()).isEqualTo(3);
        assertThat(gmm.predict(projected)).containsExactly(gmm.labels());
        assertThat(ExternalMetrics.adjustedRandIndex(data.labels(), gmm.labels())).isGreaterThan(0.95);
    }

    @Test
    void dbscanPredictsTheClusterOfTheNearestCorePointWithinEps() {
        Synthetic.Labelled moons = Synthetic.moons(100, 0.05, 1);
        DbscanModel m = new Dbscan(0.2, 5).fit(moons.points());
        Clusterer c = m;
        Features train = Features.of(moons.points().toDoubleRows());
        int[] again = c.predict(train);
        int[] labels = c.labels();
        int cores = 0;
        for (int i = 0; i < labels.length; i++) {
            if (m.isCore(i)) {
                assertThat(again[i]).as("core point %d", i).isEqualTo(labels[i]);
                cores++;
            }
        }
        assertThat(cores).isGreaterThan(100);
        assertThat(c.predict(Features.of(new double[][] {{50, 50}})))
                .containsExactly(-1);
        assertThat(c.numClusters()).isEqualTo(2);
    }
}
