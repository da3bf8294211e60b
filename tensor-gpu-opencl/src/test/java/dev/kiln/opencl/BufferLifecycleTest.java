package dev.kiln.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Deterministic release (close, scopes), the cleaner safety net, and out-of-memory errors. */
class BufferLifecycleTest {
    private static OpenClBackend fresh() {
        return new OpenClBackend(OpenClTesting.backend().context());
    }

    @Test
    void closeReleasesOnceAndUseAfterCloseIsAClearError() {
        OpenClBackend cl = fresh();
        Tensor t = Tensor.fromArray(cl, new float[] {1, 2, 3}, 3);
        assertThat(cl.liveBuffers()).isEqualTo(1);
        assertThat(cl.liveBytes()).isEqualTo(12);
        t.storage().close();
        t.storage().close(); // idempotent
        assertThat(cl.liveBuffers()).isZero();
        assertThat(cl.liveBytes()).isZero();
        assertThatThrownBy(t::toArray).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed").hasMessageContaining("3 floats");
    }

    @Test
    void scopesReleaseEverythingButKeptTensorsAndNest() {
        OpenClBackend cl = fresh();
        Tensor kept;
        Tensor innerKept;
        try (BufferScope outer = cl.scope()) {
            Tensor a = Tensor.fromArray(cl, new float[] {1, 2, 3, 4}, 2, 2);
            try (BufferScope inner = cl.scope()) {
                innerKept = a.matmul(a).add(1f); // temporaries: the product, the constant
                inner.keep(innerKept);
                assertThat(cl.liveBuffers()).isEqualTo(4);
            }
            assertThat(cl.liveBuffers()).isEqualTo(2); // a, innerKept (now owned by outer)
            kept = innerKept.mul(2f).t(); // a view: keeping it keeps its storage
            outer.keep(kept);
        }
        assertThat(cl.liveBuffers()).isEqualTo(1);
        assertThat(kept.toArray()).containsExactly(16, 32, 22, 46); // (a@a + 1) * 2, transposed
        assertThatThrownBy(innerKept::toArray).isInstanceOf(IllegalStateException.class);
        kept.storage().close();
        assertThat(cl.liveBuffers()).isZero();
    }

    @Test
    void theBackendsMemoryScopeIsABufferScope() {
        OpenClBackend cl = fresh();
        Tensor x = Tensor.fromArray(cl, new float[] {1, 2}, 2);
        Tensor kept;
        Tensor temp;
        try (dev.kiln.core.backend.MemoryScope step = cl.memoryScope()) {
            temp = x.add(x);
            kept = temp.mul(x);
            step.keep(kept);
        }
        assertThat(kept.toArray()).containsExactly(2, 8);
        assertThatThrownBy(temp::toArray).isInstanceOf(IllegalStateException.class);
        assertThat(cl.liveBuffers()).isEqualTo(2); // x and kept
        Tensor cache;
        try (dev.kiln.core.backend.MemoryScope step = cl.memoryScope()) {
            cache = cl.persistent(x.mul(x));
        }
        assertThat(cache.toArray()).containsExactly(1, 4);
    }

    @Test
    void theCleanerReleasesUnreachableBuffers() throws InterruptedException {
        OpenClBackend cl = fresh();
        for (int i = 0; i < 20; i++) {
            Tensor.fromArray(cl, new float[1000], 1000);
        }
        assertThat(cl.liveBuffers()).isEqualTo(20);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cl.liveBuffers() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(cl.liveBuffers()).as("buffers left after GC").isZero();
    }

    /** A context whose budget is 64 MiB, to exercise the budget without filling the machine. */
    private static OpenClBackend budgeted() {
        DeviceInfo d = OpenClTesting.backend().device();
        return new OpenClBackend(new ClContext(d, SgemmConfig.forDevice(d), 64L << 20));
    }

    @Test
    void unclosedBuffersAreReclaimedWhenTheBudgetRunsOut() {
        OpenClBackend cl = budgeted();
        for (int i = 0; i < 24; i++) { // 24 x 16 MiB, never closed, through a 64 MiB budget
            Tensor.zeros(cl, 4 << 20);
            assertThat(cl.liveBytes()).isLessThanOrEqualTo(64L << 20);
        }
    }

    @Test
    void aFullBudgetIsAClearErrorNamingTheRequestAndTheLimit() {
        OpenClBackend cl = budgeted();
        Tensor[] held = {Tensor.zeros(cl, 4 << 20), Tensor.zeros(cl, 4 << 20), Tensor.zeros(cl, 4 << 20)};
        assertThatThrownBy(() -> Tensor.zeros(cl, 8 << 20)).isInstanceOf(OpenClOutOfMemoryException.class)
                .hasMessageContaining("cannot allocate 32.0 MiB (33554432 bytes)")
                .hasMessageContaining("Kiln already holds 48.0 MiB in 3 live buffers of a 64.0 MiB budget");
        for (Tensor t : held) {
            t.storage().close();
        }
        assertThat(Tensor.zeros(cl, 8 << 20).numel()).isEqualTo(8 << 20); // fits once they are closed
    }

    @Test
    void outOfDeviceMemoryNamesTheRequestAndTheLimit() {
        OpenClBackend cl = fresh();
        DeviceInfo d = cl.device();
        long maxFloats = d.maxAllocBytes() / Float.BYTES;
        assumeTrue(maxFloats < Integer.MAX_VALUE, "the device's buffer limit is above Kiln's largest tensor");
        int n = (int) maxFloats + 1;
        assertThatThrownBy(() -> cl.full(new int[] {n}, 0f)).isInstanceOf(OpenClOutOfMemoryException.class)
                .hasMessageContaining(d.label())
                .hasMessageContaining(String.valueOf((long) n * Float.BYTES))
                .hasMessageContaining(DeviceInfo.mib(d.maxAllocBytes()))
                .hasMessageContaining("CL_DEVICE_MAX_MEM_ALLOC_SIZE");
        assertThat(cl.liveBuffers()).isZero();
    }
}
