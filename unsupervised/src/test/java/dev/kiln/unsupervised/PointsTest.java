package dev.kiln.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

class PointsTest {
    @Test
    void onBackendUploadsOncePerBackendWithExactSquaredNorms() {
        Points p = Points.of(new double[][] {{3, 4}, {1, -2}, {0, 0}});
        Backend first = new ReferenceBackend();
        Points.OnBackend a = p.onBackend(first);
        assertThat(a.x().shape()).containsExactly(3, 2);
        assertThat(a.x().toArray()).containsExactly(3f, 4f, 1f, -2f, 0f, 0f);
        assertThat(a.squaredNorms().shape()).containsExactly(3, 1);
        assertThat(a.squaredNorms().toArray()).containsExactly(25f, 5f, 0f);
        // the same backend gets the same upload back; another backend gets its own
        assertThat(p.onBackend(first)).isSameAs(a);
        Backend second = new ReferenceBackend();
        Points.OnBackend b = p.onBackend(second);
        assertThat(b).isNotSameAs(a);
        assertThat(b.x().backend()).isSameAs(second);
        assertThat(b.squaredNorms().toArray()).containsExactly(25f, 5f, 0f);
    }

    @Test
    void factoriesCopyTheirInputSoTheCachedUploadCannotGoStale() {
        float[] raw = {1, 2, 3, 4};
        Points p = Points.of(raw, 2, 2);
        Backend b = new ReferenceBackend();
        float[] before = p.onBackend(b).x().toArray();
        raw[0] = 100f;
        assertThat(p.get(0, 0)).isEqualTo(1f);
        assertThat(p.onBackend(b).x().toArray()).containsExactly(before);
    }

    @Test
    void mismatchedSizesAreRejectedWithTheNumbers() {
        assertThatThrownBy(() -> Points.of(new float[5], 2, 3)).hasMessageContaining("5 values")
                .hasMessageContaining("2 rows of 3");
    }
}
