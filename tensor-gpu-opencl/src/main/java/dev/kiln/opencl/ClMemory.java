package dev.kiln.opencl;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.clCreateBuffer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * Device memory of one context: creates buffers within the device's limits and Kiln's budget,
 * and counts what is alive. Unclosed tensors are freed by a cleaner only after a garbage
 * collection, and small Java objects holding large device buffers rarely trigger one; so when a
 * request does not fit, this first asks for a collection, waits briefly for the cleaner, and only
 * then fails with an {@link OpenClOutOfMemoryException} naming the request and the limit.
 */
final class ClMemory {
    private static final long RECLAIM_WAIT_NANOS = 200_000_000L;

    private final cl_context context;
    private final DeviceInfo device;
    private final long budget;
    final AtomicLong liveBuffers = new AtomicLong();
    final AtomicLong liveBytes = new AtomicLong();

    ClMemory(cl_context context, DeviceInfo device, long budget) {
        this.context = context;
        this.device = device;
        this.budget = budget;
    }

    /** The device's global memory, or less with {@code -Dkiln.opencl.maxMemory=BYTES} (or {@code KILN_OPENCL_MAX_MEMORY}). */
    static long budget(DeviceInfo device) {
        String v = System.getProperty("kiln.opencl.maxMemory");
        if (v == null || v.isBlank()) {
            v = System.getenv("KILN_OPENCL_MAX_MEMORY");
        }
        if (v == null || v.isBlank()) {
            return device.globalMemBytes();
        }
        try {
            long b = Long.parseLong(v.trim());
            if (b > 0) {
                return Math.min(b, device.globalMemBytes());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("kiln.opencl.maxMemory='" + v + "': expected a positive number of bytes");
    }

    long budget() {
        return budget;
    }

    /** An uninitialised buffer of {@code bytes} (at least one float: OpenCL rejects empty buffers). */
    cl_mem allocate(long bytes) {
        long size = Math.max(bytes, Float.BYTES);
        return create(size, () -> clCreateBuffer(context, CL_MEM_READ_WRITE, size, null, null));
    }

    /** A buffer initialised from {@code data} (copied during the call). */
    cl_mem upload(float[] data) {
        if (data.length == 0) {
            return allocate(0);
        }
        long bytes = (long) data.length * Float.BYTES;
        return create(bytes, () -> clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes,
                Pointer.to(data), null));
    }

    /** A small read-only int buffer (index tables), not counted; the caller releases it after enqueuing. */
    cl_mem uploadInts(int[] data) {
        int[] d = data.length == 0 ? new int[1] : data;
        return clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) d.length * Sizeof.cl_int,
                Pointer.to(d), null);
    }

    private cl_mem create(long bytes, Supplier<cl_mem> create) {
        if (bytes > device.maxAllocBytes()) {
            throw outOfMemory(bytes, "the device allows at most " + DeviceInfo.mib(device.maxAllocBytes())
                    + " per buffer (CL_DEVICE_MAX_MEM_ALLOC_SIZE)", null);
        }
        if (bytes + liveBytes.get() > budget && !reclaim(bytes)) {
            throw outOfMemory(bytes, "Kiln already holds " + DeviceInfo.mib(liveBytes.get()) + " in "
                    + liveBuffers.get() + " live buffers of a " + DeviceInfo.mib(budget) + " budget (device global memory "
                    + DeviceInfo.mib(device.globalMemBytes()) + "; close tensors or use a BufferScope)", null);
        }
        try {
            return create.get();
        } catch (CLException e) {
            if (isOutOfMemory(e) && reclaim(Long.MAX_VALUE)) {
                try {
                    return create.get();
                } catch (CLException again) {
                    throw translate(again, bytes);
                }
            }
            throw translate(e, bytes);
        }
    }

    /** Runs a collection so the cleaner frees unreachable buffers; true if it freed any (or made room for {@code bytes}). */
    private boolean reclaim(long bytes) {
        long before = liveBytes.get();
        System.gc();
        long deadline = System.nanoTime() + RECLAIM_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (bytes != Long.MAX_VALUE ? bytes + liveBytes.get() <= budget : liveBytes.get() < before) {
                return true;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return bytes != Long.MAX_VALUE ? bytes + liveBytes.get() <= budget : liveBytes.get() < before;
    }

    private static boolean isOutOfMemory(CLException e) {
        return e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES;
    }

    RuntimeException translate(CLException e, long bytes) {
        if (isOutOfMemory(e)) {
            return outOfMemory(bytes, "the driver refused (" + e.getMessage() + "); the device has "
                    + DeviceInfo.mib(device.globalMemBytes()) + " and Kiln holds " + DeviceInfo.mib(liveBytes.get()), e);
        }
        return e;
    }

    private OpenClOutOfMemoryException outOfMemory(long bytes, String why, Throwable cause) {
        return new OpenClOutOfMemoryException("OpenCL device " + device.label() + " cannot allocate "
                + DeviceInfo.mib(bytes) + " (" + bytes + " bytes): " + why, cause);
    }
}
