package dev.kiln.opencl;

import java.util.Locale;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found by the probe. {@code index} counts devices across all platforms in
 * the order the ICD loader reports them; {@code -Dkiln.opencl.device=N} refers to it.
 */
public record DeviceInfo(int index, cl_platform_id platform, cl_device_id device, String platformName,
        String name, Type type, String version, long globalMemBytes, long maxAllocBytes, long localMemBytes,
        int computeUnits, long maxWorkGroupSize, boolean fp64) {

    /** What kind of device: a GPU or accelerator wins the default selection, a CPU device does not. */
    public enum Type {
        GPU, ACCELERATOR, CPU, OTHER;

        public boolean isGpuLike() {
            return this == GPU || this == ACCELERATOR;
        }
    }

    /** The text a name filter ({@code -Dkiln.opencl.device=nvidia}) is matched against. */
    public String label() {
        return platformName + " / " + name;
    }

    public String describe() {
        return String.format(Locale.ROOT, "[%d] %s (%s, %s, %d compute units, %s global memory, %s max buffer%s)",
                index, label(), type, version, computeUnits, mib(globalMemBytes), mib(maxAllocBytes),
                fp64 ? ", fp64" : "");
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
