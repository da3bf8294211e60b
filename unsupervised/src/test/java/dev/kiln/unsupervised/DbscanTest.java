package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.tensor.Rng;
import dev.kiln.unsupervised.metrics.ExternalMetrics;
import org.junit.jupiter.api.Test;

class DbscanTest {
    @Test
    void twoMoonsAreSeparatedWhereKMeansFails() {
        Synthetic.Labelled moons = Synthetic.moons(200, 0.05, 4);
        DbscanModel m = new Dbscan(0.2, 5).fit(moons.points());
        assertThat(m.clusters()).isEqualTo(2);
        assertThat(ExternalMetrics.adjustedRandIndex(moons.labels(), m.labels())).isEqualTo(1.0);
        // the reason DBSCAN exists: k-means cuts the moons with a straight line
        int[] km = KMeans.builder(2).nInit(4).build().fit(moons.points()).labels();
        assertThat(ExternalMetrics.adjustedRandIndex(moons.labels(), km)).isLessThan(0.6);
    }

    @Test
    void isolatedPointsAreNoise() {
        Synthetic.Labelled moons = Synthetic.moons(100, 0.05, 2);
        double[][] rows = moons.points().toDoubleRows();
        double[][] withOutliers = java.util.Arrays.copyOf(rows, rows.length + 2);
        withOutliers[rows.length] = new double[] {5, 5};
        withOutliers[rows.length + 1] = new double[] {-4, 3};
        int[] labels = new Dbscan(0.25, 5).fit(Points.of(withOutliers)).labels();
        assertThat(labels[rows.length]).isEqualTo(-1);
        assertThat(labels[rows.length + 1]).isEqualTo(-1);
    }

    @Test
    void handExampleWithCoreBorderAndNoise() {
        // 0,1,2 are within 1 of each other: with minPts 3 point 1 (neighbours 0,1,2) is core,
        // 0 and 2 have only two neighbours each (border), 10 is alone (noise), 20..22 a second cluster.
        Points p = Points.of(new double[][] {{0}, {1}, {2}, {10}, {20}, {20.5}, {21}});
        DbscanModel m = new Dbscan(1.0, 3).fit(p);
        assertThat(m.labels()).containsExactly(0, 0, 0, -1, 1, 1, 1);
        assertThat(m.isCore(1)).isTrue();
        assertThat(m.isCore(0)).isFalse();
        assertThat(m.isCore(5)).isTrue();
        assertThat(m.noiseCount()).isEqualTo(1);
    }

    @Test
    void kdTreeAndBruteForceAgree() {
        Rng rng = new Rng(8);
        for (int d : new int[] {1, 2, 5}) {
            double[][] x = new double[700][d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
            x[5] = x[6].clone(); // duplicates must not confuse the tree's median split
            Points p = Points.of(x);
            double eps = 0.15 * Math.sqrt(d);
            int[] tree = Dbscan.kdTree(eps, 4).fit(p).labels();
            int[] brute = Dbscan.bruteForce(eps, 4).fit(p).labels();
            assertThat(tree).as("d = %d", d).containsExactly(brute);
        }
    }

    @Test
    void highDimensionalBlobsUseBruteForce() {
        double[][] centres = new double[3][20];
        for (int c = 0; c < 3; c++) {
            centres[c][c] = 20;
        }
        Synthetic.Labelled blobs = Synthetic.blobs(centres, 60, 0.5, 12);
        DbscanModel m = new Dbscan(3.5, 5).fit(blobs.points());
        assertThat(m.noiseCount()).isZero();
        assertThat(ExternalMetrics.adjustedRandIndex(blobs.labels(), m.labels())).isEqualTo(1.0);
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new Dbscan(0, 5)).hasMessageContaining("eps");
        assertThatThrownBy(() -> new Dbscan(1, 0)).hasMessageContaining("minPts");
    }
}
