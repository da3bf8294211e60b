package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.unsupervised.metrics.ExternalMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgglomerativeTest {
    private static final Points LINE = Points.of(new double[][] {{0}, {1}, {3}, {7}});

    private static double[] heights(Linkage linkage) {
        List<Merge> merges = new Agglomerative(1, linkage).fit(LINE).merges();
        return merges.stream().mapToDouble(Merge::distance).toArray();
    }

    @Test
    void mergeHeightsMatchHandComputedLinkages() {
        assertThat(heights(Linkage.SINGLE)).containsExactly(1, 2, 4);
        assertThat(heights(Linkage.COMPLETE)).containsExactly(1, 3, 7);
        assertThat(heights(Linkage.AVERAGE)).containsExactly(new double[] {1, 2.5, 17.0 / 3}, within(1e-12));
        // Ward: sqrt(2 |A||B| / (|A| + |B|)) · ‖centroid distance‖
        assertThat(heights(Linkage.WARD)).containsExactly(
                new double[] {1, Math.sqrt(4.0 / 3) * 2.5, Math.sqrt(1.5) * (7 - 4.0 / 3)}, within(1e-12));
    }

    @Test
    void mergeListUsesScipyIds() {
        List<Merge> merges = new Agglomerative(1, Linkage.COMPLETE).fit(LINE).merges();
        assertThat(merges).containsExactly(new Merge(0, 1, 1, 2), new Merge(2, 4, 3, 3), new Merge(3, 5, 7, 4));
    }

    @Test
    void cutsGiveFlatClusters() {
        AgglomerativeModel m = new Agglomerative(2, Linkage.SINGLE).fit(LINE);
        assertThat(m.labels()).containsExactly(0, 0, 0, 1);
        assertThat(m.cut(3)).containsExactly(0, 0, 1, 2);
        assertThat(m.cut(4)).containsExactly(0, 1, 2, 3);
        assertThat(m.cutAtDistance(1.5)).containsExactly(0, 0, 1, 2);
    }

    @ParameterizedTest
    @EnumSource(Linkage.class)
    void separableBlobsAreRecoveredByEveryLinkage(Linkage linkage) {
        Synthetic.Labelled blobs = Synthetic.blobs(new double[][] {{0, 0}, {12, 0}, {0, 12}}, 40, 1.0, 21);
        int[] labels = new Agglomerative(3, linkage).fit(blobs.points()).labels();
        assertThat(ExternalMetrics.adjustedRandIndex(blobs.labels(), labels)).isEqualTo(1.0);
    }
}
