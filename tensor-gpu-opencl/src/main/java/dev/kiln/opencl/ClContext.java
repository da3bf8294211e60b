package dev.kiln.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clGetProgramBuildInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's OpenCL context, in-order command queue and compiled kernels. Built once per device
 * per process ({@link #forDevice}) because compiling the program costs seconds on some drivers;
 * every {@link OpenClBackend} on that device shares it.
 *
 * <p>Kernel launches are serialised on this object: a {@code cl_kernel} holds its arguments, so
 * setting them and enqueuing must not interleave between threads.
 */
final class ClContext {
    private static final Logger LOG = LoggerFactory.getLogger(ClContext.class);
    private static final Map<Integer, ClContext> BY_DEVICE = new ConcurrentHashMap<>();
    static final int MAX_RANK = 8;
    /** Work-group size of the one-item-per-element kernels. */
    static final int GROUP_1D = 128;

    final DeviceInfo device;
    final SgemmConfig sgemm;
    final cl_context context;
    final cl_command_queue queue;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    /** Device buffers: allocation, limits, live counts across every backend on this device. */
    final ClMemory memory;

    ClContext(DeviceInfo device, SgemmConfig sgemm) {
        this(device, sgemm, ClMemory.budget(device));
    }

    /** A context with its own memory budget in bytes (tests; normally {@link #forDevice}). */
    ClContext(DeviceInfo device, SgemmConfig sgemm, long memoryBudget) {
        this.device = device;
        if (device.maxWorkGroupSize() < ClReductions.MAX_GROUP) {
            throw new IllegalStateException("OpenCL device " + device.label() + " allows work-groups of "
                    + device.maxWorkGroupSize() + " items; Kiln's kernels need " + ClReductions.MAX_GROUP);
        }
        this.context = clCreateContext(null, 1, new cl_device_id[] {device.device()}, null, null, null);
        @SuppressWarnings("deprecation") // clCreateCommandQueueWithProperties is OpenCL 2.0+; 1.2 drivers exist
        cl_command_queue q = clCreateCommandQueue(context, device.device(), 0, null);
        this.queue = q;
        this.memory = new ClMemory(context, device, memoryBudget);
        long t0 = System.nanoTime();
        SgemmConfig chosen = sgemm;
        cl_program program = build(context, device, chosen.buildOptions());
        long limit = kernelGroupLimit(program, device);
        if (limit < (long) chosen.local() * chosen.local()) {
            // the register-hungry tile does not fit this device's per-kernel limit: fall back to 64 items
            LOG.warn("OpenCL device {} runs the {}x{} sgemm tile with at most {} work-items; using 32x32",
                    device.label(), chosen.tile(), chosen.tile(), limit);
            chosen = new SgemmConfig(32, 4);
            program = build(context, device, chosen.buildOptions());
        }
        this.sgemm = chosen;
        for (String name : KERNELS) {
            kernels.put(name, clCreateKernel(program, name, null));
        }
        LOG.info("OpenCL kernels built for {} in {} ms (sgemm tile {}x{}, {}x{} per item{})", device.label(),
                (System.nanoTime() - t0) / 1_000_000, chosen.tile(), chosen.tile(), chosen.wpt(), chosen.wpt(),
                chosen.strided() ? ", strided" : "");
    }

    private static final String[] KERNELS = {"ew_unary", "ew_binary", "ew_where", "copy_strided", "reduce_seq",
        "reduce_wg", "argmax_seq", "argmax_wg", "softmax_rows", "softmax_xent", "sgemm", "index_select", "index_add",
        "one_hot", "max_pool2d"};

    /** CL_KERNEL_WORK_GROUP_SIZE of the sgemm kernel: registers can make it smaller than the device maximum. */
    private static long kernelGroupLimit(cl_program program, DeviceInfo device) {
        cl_kernel k = clCreateKernel(program, "sgemm", null);
        try {
            long[] v = new long[1];
            org.jocl.CL.clGetKernelWorkGroupInfo(k, device.device(), org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE,
                    Sizeof.size_t, Pointer.to(v), null);
            return v[0];
        } finally {
            org.jocl.CL.clReleaseKernel(k);
        }
    }

    static ClContext forDevice(DeviceInfo device) {
        return BY_DEVICE.computeIfAbsent(device.index(), i -> new ClContext(device, SgemmConfig.forDevice(device)));
    }

    private static cl_program build(cl_context context, DeviceInfo device, String options) {
        String source;
        try (InputStream in = ClContext.class.getResourceAsStream("kernels.cl")) {
            if (in == null) {
                throw new IllegalStateException("kernels.cl is missing from the kiln-tensor-gpu-opencl jar");
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernels.cl", e);
        }
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            // Correctly rounded division and sqrt: OpenCL lets x / y be 2.5 ulp off by default, and
            // NVIDIA's driver uses that (recip(-0.0038) came out 1 ulp from Java's on an H200), while
            // the conformance kit expects the IEEE result every other backend gives.
            clBuildProgram(program, 0, null, "-cl-std=CL1.2 -cl-fp32-correctly-rounded-divide-sqrt " + options,
                    null, null);
        } catch (CLException e) {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            throw new IllegalStateException("building Kiln's OpenCL kernels for " + device.label() + " failed: "
                    + new String(log, StandardCharsets.UTF_8).trim(), e);
        }
        return program;
    }

    // ---------------------------------------------------------------- kernel launches

    /**
     * Sets the arguments and enqueues {@code name}. Arguments: {@link cl_mem}, {@link Integer},
     * {@link Float}, {@code int[8]} (an OpenCL {@code int8}) or {@link LocalBytes}.
     *
     * <p>{@code local == null} marks a one-work-item-per-element kernel: it runs in work-groups of
     * {@link #GROUP_1D} with the global size rounded up, and receives the element count as a last
     * {@code int n} argument to guard the tail. A fixed group size also means CPU runtimes such as
     * POCL, which compile a kernel once per work-group size, compile each kernel once.
     */
    synchronized void launch(String name, long[] global, long[] local, Object... args) {
        if (local == null) {
            long n = global[0];
            global = new long[] {(n + GROUP_1D - 1) / GROUP_1D * GROUP_1D};
            local = new long[] {GROUP_1D};
            args = java.util.Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = Math.toIntExact(n);
        }
        cl_kernel k = kernels.get(name);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case cl_mem m -> org.jocl.CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(m));
                case Integer v -> org.jocl.CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
                case Float v -> org.jocl.CL.clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {v}));
                case int[] v when v.length == 8 -> org.jocl.CL.clSetKernelArg(k, i, Sizeof.cl_int8, Pointer.to(v));
                case LocalBytes l -> org.jocl.CL.clSetKernelArg(k, i, l.bytes(), null);
                default -> throw new IllegalArgumentException("kernel " + name + ": unsupported argument " + i
                        + ": " + args[i]);
            }
        }
        try {
            clEnqueueNDRangeKernel(queue, k, global.length, null, global, local, 0, null, null);
        } catch (CLException e) {
            throw memory.translate(e, 0);
        }
    }

    /** A {@code local} memory argument of the given size. */
    record LocalBytes(long bytes) {
    }

    /** Bytes per element of the kernels' {@code real} type (double where the device has fp64). */
    int realBytes() {
        return device.fp64() ? Double.BYTES : Float.BYTES;
    }
}
