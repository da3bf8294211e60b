package dev.kiln.opencl;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The one-time probe of the OpenCL runtime: loads JOCL's native library, lists every platform and
 * device and picks one. It never throws: every failure becomes a {@link Probe} with a precise
 * reason. The result is cached for the life of the process (native loading cannot be retried:
 * after a failed load, JOCL's class initialisation fails for good).
 */
public final class OpenClRuntime {
    /** {@code CL_PLATFORM_NOT_FOUND_KHR}: the ICD loader is there, but no driver is registered. */
    static final int CL_PLATFORM_NOT_FOUND_KHR = -1001;
    private static volatile Probe probe;

    private OpenClRuntime() {
    }

    /** What the probe found: the devices, the selected one (null when unavailable) and why. */
    public record Probe(boolean available, String reason, List<DeviceInfo> devices, DeviceInfo selected) {
    }

    public static Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (OpenClRuntime.class) {
                if (probe == null) {
                    probe = run(requestedDevice());
                }
                p = probe;
            }
        }
        return p;
    }

    /** {@code -Dkiln.opencl.device} or {@code KILN_OPENCL_DEVICE}: an index or a name substring; null = default. */
    static String requestedDevice() {
        String p = System.getProperty("kiln.opencl.device");
        if (p == null || p.isBlank()) {
            p = System.getenv("KILN_OPENCL_DEVICE");
        }
        return p == null || p.isBlank() ? null : p.trim();
    }

    static Probe run(String requested) {
        String missing = missingLoader();
        if (missing != null) {
            return unavailable(missing);
        }
        List<DeviceInfo> devices;
        try {
            CL.setExceptionsEnabled(true);
            devices = listDevices();
        } catch (UnsatisfiedLinkError e) {
            return unavailable("the OpenCL runtime could not be loaded (" + e.getMessage() + "): install an OpenCL "
                    + "ICD loader and a driver, e.g. apt-get install ocl-icd-libopencl1 pocl-opencl-icd");
        } catch (NoClassDefFoundError e) {
            return unavailable("JOCL failed to initialise earlier in this process (" + e.getMessage()
                    + "); the OpenCL runtime library is missing");
        } catch (CLException e) {
            if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                return unavailable("no OpenCL platform: the ICD loader found no driver "
                        + "(CL_PLATFORM_NOT_FOUND_KHR; see /etc/OpenCL/vendors)");
            }
            return unavailable("OpenCL platform query failed: " + e.getMessage());
        } catch (Throwable t) { // a broken driver must not take the process down
            return unavailable("OpenCL probe failed: " + t);
        }
        if (devices.isEmpty()) {
            return unavailable("OpenCL platforms were found but they expose no devices");
        }
        DeviceInfo chosen;
        try {
            chosen = choose(devices, requested);
        } catch (IllegalArgumentException e) {
            return new Probe(false, e.getMessage(), devices, null);
        }
        return new Probe(true, "device [" + chosen.index() + "] " + chosen.label() + " (" + chosen.type() + ")",
                devices, chosen);
    }

    /** The library names JOCL's native code tries, in its order, on Linux. */
    static final List<String> LINUX_LOADERS = List.of("libOpenCL.so.1", "libOpenCL.so");

    /**
     * Why the ICD loader cannot be opened, or null when it can (or the OS is not Linux, where JOCL
     * is asked directly). JOCL's native code prints "Could not load libOpenCL.so.1 ..." to stderr
     * from C when the loader is missing, which Java cannot silence; opening the library ourselves
     * first (the same dlopen, through FFM) answers the question without that noise.
     */
    static String missingLoader() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        for (String name : LINUX_LOADERS) {
            try (Arena arena = Arena.ofConfined()) {
                SymbolLookup.libraryLookup(name, arena);
                return null;
            } catch (IllegalArgumentException e) {
                // this name cannot be opened: try the next
            } catch (Throwable t) { // e.g. native access denied: let JOCL try and report
                return null;
            }
        }
        return "the OpenCL runtime could not be loaded (no ICD loader: " + String.join(" and ", LINUX_LOADERS)
                + " cannot be opened): install an OpenCL ICD loader and a driver, e.g. apt-get install "
                + "ocl-icd-libopencl1 pocl-opencl-icd";
    }

    private static Probe unavailable(String reason) {
        return new Probe(false, reason, List.of(), null);
    }

    /**
     * The device named by {@code requested} (an index, or a case-insensitive substring of
     * "platform / device"), else the first GPU, else the first accelerator, else the first device.
     */
    static DeviceInfo choose(List<DeviceInfo> devices, String requested) {
        if (requested != null) {
            if (requested.matches("\\d+")) {
                int i = Integer.parseInt(requested);
                if (i < devices.size()) {
                    return devices.get(i);
                }
            } else {
                String needle = requested.toLowerCase(Locale.ROOT);
                for (DeviceInfo d : devices) {
                    if (d.label().toLowerCase(Locale.ROOT).contains(needle)) {
                        return d;
                    }
                }
            }
            StringBuilder sb = new StringBuilder("kiln.opencl.device='" + requested + "' matches no device; found:");
            devices.forEach(d -> sb.append("\n    ").append(d.describe()));
            throw new IllegalArgumentException(sb.toString());
        }
        for (DeviceInfo.Type t : new DeviceInfo.Type[] {DeviceInfo.Type.GPU, DeviceInfo.Type.ACCELERATOR}) {
            for (DeviceInfo d : devices) {
                if (d.type() == t) {
                    return d;
                }
            }
        }
        return devices.get(0);
    }

    private static List<DeviceInfo> listDevices() {
        int[] n = new int[1];
        clGetPlatformIDs(0, null, n);
        cl_platform_id[] platforms = new cl_platform_id[n[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<DeviceInfo> out = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            String pname = platformString(p, CL_PLATFORM_NAME);
            int[] count = new int[1];
            try {
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, count);
            } catch (CLException e) { // CL_DEVICE_NOT_FOUND: a platform without devices
                continue;
            }
            cl_device_id[] ds = new cl_device_id[count[0]];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, ds.length, ds, null);
            for (cl_device_id d : ds) {
                long type = deviceLong(d, CL_DEVICE_TYPE);
                DeviceInfo.Type t = (type & CL_DEVICE_TYPE_GPU) != 0 ? DeviceInfo.Type.GPU
                        : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? DeviceInfo.Type.ACCELERATOR
                        : (type & CL_DEVICE_TYPE_CPU) != 0 ? DeviceInfo.Type.CPU : DeviceInfo.Type.OTHER;
                out.add(new DeviceInfo(out.size(), p, d, pname, deviceString(d, CL_DEVICE_NAME), t,
                        deviceString(d, CL_DEVICE_VERSION), deviceLong(d, CL_DEVICE_GLOBAL_MEM_SIZE),
                        deviceLong(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE), deviceLong(d, CL_DEVICE_LOCAL_MEM_SIZE),
                        deviceInt(d, CL_DEVICE_MAX_COMPUTE_UNITS), deviceSizeT(d, CL_DEVICE_MAX_WORK_GROUP_SIZE),
                        deviceString(d, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64")));
            }
        }
        return out;
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8).trim();
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        return v[0];
    }

    private static int deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_int, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceSizeT(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }
}
