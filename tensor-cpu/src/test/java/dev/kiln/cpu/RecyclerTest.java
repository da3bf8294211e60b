package dev.kiln.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Memory scopes of the CPU backend: what is recycled, what is kept, and that reuse is invisible. */
class RecyclerTest {
    private static final CpuBackend CPU = new CpuBackend(2);

    @AfterAll
    static void close() {
        CPU.close();
    }

    private static Tensor t(float... v) {
        return CPU.fromArray(v, new int[] {v.length});
    }

    @Test
    void unkeptTensorsAreRecycledAndThrowWhenReadKeptOnesSurvive() {
        Tensor x = t(1, 2, 3, 4);
        Tensor sum;
        Tensor product;
        Tensor view;
        try (MemoryScope scope = CPU.memoryScope()) {
            sum = x.add(x);
            product = x.mul(x);
            view = sum.reshape(2, 2);
            scope.keep(product);
        }
        assertThat(product.toArray()).containsExactly(1, 4, 9, 16);
        assertThat(x.toArray()).as("allocated before the scope").containsExactly(1, 2, 3, 4);
        assertThatThrownBy(sum::toArray).isInstanceOf(IllegalStateException.class).hasMessageContaining("recycled");
        assertThatThrownBy(view::toArray).as("a view shares the storage").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNextTensorOfTheSameSizeReusesTheArrayAndStillStartsFromZeros() {
        Tensor x = t(1, 2, 3, 4, 5);
        float[] first;
        try (MemoryScope scope = CPU.memoryScope()) {
            first = CpuBackend.data(x.mul(x));
        }
        try (MemoryScope scope = CPU.memoryScope()) {
            Tensor zeros = CPU.full(new int[] {5}, 0f); // relies on a zero-filled allocation
            assertThat(CpuBackend.data(zeros)).as("recycled array").isSameAs(first);
            assertThat(zeros.toArray()).containsOnly(0f);
            Tensor y = x.add(x); // writes every element: takes whatever array is free, same values
            assertThat(y.toArray()).containsExactly(2, 4, 6, 8, 10);
            scope.keep(y);
        }
        Tensor outside = x.add(x);
        assertThat(CpuBackend.data(outside)).as("no scope: a new array").isNotSameAs(first);
    }

    @Test
    void everyLengthFindsItsOwnFreeArrays() {
        // a few hundred lengths, many of them multiples of 64 as a network's tensors are: the free
        // lists grow their table, and each length gets back exactly its own array
        int[] lengths = new int[300];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = i % 2 == 0 ? 64 * (i + 1) : 3 * i + 1;
        }
        float[][] first = new float[lengths.length][];
        try (MemoryScope scope = CPU.memoryScope()) {
            for (int i = 0; i < lengths.length; i++) {
                first[i] = CpuBackend.data(CPU.full(new int[] {lengths[i]}, 1f));
            }
        }
        try (MemoryScope scope = CPU.memoryScope()) {
            for (int i = lengths.length - 1; i >= 0; i--) {
                Tensor again = CPU.full(new int[] {lengths[i]}, 0f);
                assertThat(CpuBackend.data(again)).as("length %d", lengths[i]).isSameAs(first[i]);
                assertThat(again.toArray()).containsOnly(0f);
            }
        }
    }

    @Test
    void keptInAnInnerScopeBelongsToTheOuterOne() {
        Tensor x = t(1, 2);
        Tensor inner;
        Tensor kept;
        try (MemoryScope outer = CPU.memoryScope()) {
            try (MemoryScope in = CPU.memoryScope()) {
                inner = x.add(x);
                in.keep(inner);
            }
            assertThat(inner.toArray()).containsExactly(2, 4);
            kept = inner.mul(x);
            outer.keep(kept);
        }
        assertThat(kept.toArray()).containsExactly(2, 8);
        assertThatThrownBy(inner::toArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPersistentTensorOutlivesEveryOpenScope() {
        Tensor x = t(1, 2, 3);
        Tensor cache;
        try (MemoryScope outer = CPU.memoryScope()) {
            try (MemoryScope step = CPU.memoryScope()) {
                cache = CPU.persistent(x.mul(x)); // a layer's cache built during a step
            }
            assertThat(cache.toArray()).containsExactly(1, 4, 9);
        }
        assertThat(cache.toArray()).containsExactly(1, 4, 9);
    }

    @Test
    void matmulIntoRecycledMemoryIsExact() {
        float[] a = new float[64 * 96];
        float[] b = new float[96 * 40];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) - 3;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 5) - 2;
        }
        Tensor ta = CPU.fromArray(a, new int[] {64, 96});
        Tensor tb = CPU.fromArray(b, new int[] {96, 40});
        float[] expected = ta.matmul(tb).toArray();
        for (int step = 0; step < 3; step++) {
            try (MemoryScope scope = CPU.memoryScope()) {
                Tensor garbage = CPU.full(new int[] {64, 40}, Float.NaN); // leaves NaNs in the pool
                assertThat(garbage.toArray()[0]).isNaN();
            }
            try (MemoryScope scope = CPU.memoryScope()) {
                assertThat(ta.matmul(tb).toArray()).containsExactly(expected);
            }
        }
    }
}
