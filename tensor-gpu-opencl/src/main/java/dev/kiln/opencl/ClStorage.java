package dev.kiln.opencl;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.tensor.Storage;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * A device buffer ({@code cl_mem}) behind one or more tensors. {@link #close()} releases it at once;
 * a {@link Cleaner} releases it when the storage becomes unreachable without being closed. Either
 * way the release happens exactly once and the live-buffer counters drop. OpenCL defers the actual
 * free until kernels already queued on the buffer have finished, so closing never races the device.
 */
public final class ClStorage implements Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    private final OpenClBackend backend;
    private final long size;
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    ClStorage(OpenClBackend backend, cl_mem mem, long size, long bytes) {
        this.backend = backend;
        this.size = size;
        this.release = new Release(mem, bytes, backend.liveBuffersCounter(), backend.liveBytesCounter(),
                backend.context().memory.liveBuffers, backend.context().memory.liveBytes);
        this.cleanable = CLEANER.register(this, release);
    }

    /** The buffer, or an error when it was already released. */
    cl_mem mem() {
        if (release.done.get()) {
            throw new IllegalStateException("this OpenCL tensor's buffer (" + size + " floats) was already closed "
                    + "(Storage.close or the end of its BufferScope)");
        }
        return release.mem;
    }

    public boolean isClosed() {
        return release.done.get();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    /** The release action; must not reference the storage, or the cleaner would never run. */
    private record Release(cl_mem mem, long bytes, AtomicLong buffers, AtomicLong byteCount, AtomicLong deviceBuffers,
            AtomicLong deviceBytes, AtomicBoolean done) implements Runnable {
        Release(cl_mem mem, long bytes, AtomicLong buffers, AtomicLong byteCount, AtomicLong deviceBuffers,
                AtomicLong deviceBytes) {
            this(mem, bytes, buffers, byteCount, deviceBuffers, deviceBytes, new AtomicBoolean());
            buffers.incrementAndGet();
            byteCount.addAndGet(bytes);
            deviceBuffers.incrementAndGet();
            deviceBytes.addAndGet(bytes);
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                CL.clReleaseMemObject(mem);
                buffers.decrementAndGet();
                byteCount.addAndGet(-bytes);
                deviceBuffers.decrementAndGet();
                deviceBytes.addAndGet(-bytes);
            }
        }
    }
}
