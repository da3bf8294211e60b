package dev.kiln.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.core.backend.BackendProvider;
import dev.kiln.core.backend.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, priority by device type, device selection and the probe's reasons. */
class OpenClProviderTest {
    private static DeviceInfo dev(int i, String platform, String name, DeviceInfo.Type type) {
        return new DeviceInfo(i, null, null, platform, name, type, "OpenCL 3.0", 1L << 32, 1L << 30, 65536, 8, 1024,
                true);
    }

    private static final List<DeviceInfo> DEVICES = List.of(dev(0, "Portable Computing Language", "cpu-x86",
            DeviceInfo.Type.CPU), dev(1, "NVIDIA CUDA", "NVIDIA H100", DeviceInfo.Type.GPU),
            dev(2, "Intel", "Arc A770", DeviceInfo.Type.GPU));

    @Test
    void defaultPrefersTheFirstGpuAndRequestsPickByIndexOrName() {
        assertThat(OpenClRuntime.choose(DEVICES, null).name()).isEqualTo("NVIDIA H100");
        assertThat(OpenClRuntime.choose(DEVICES.subList(0, 1), null).name()).isEqualTo("cpu-x86");
        assertThat(OpenClRuntime.choose(DEVICES, "2").name()).isEqualTo("Arc A770");
        assertThat(OpenClRuntime.choose(DEVICES, "portable").name()).isEqualTo("cpu-x86");
        assertThat(OpenClRuntime.choose(DEVICES, "a770").index()).isEqualTo(2);
        assertThatThrownBy(() -> OpenClRuntime.choose(DEVICES, "7")).hasMessageContaining("matches no device")
                .hasMessageContaining("[1] NVIDIA CUDA / NVIDIA H100");
        assertThatThrownBy(() -> OpenClRuntime.choose(DEVICES, "radeon")).hasMessageContaining("'radeon'");
    }

    @Test
    void providerIsDiscoveredAndACpuDeviceNeverWinsTheDefaultOverTensorCpu() {
        List<String> names = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            names.add(p.name());
        }
        assertThat(names).contains("opencl");
        OpenClProvider p = new OpenClProvider();
        OpenClRuntime.Probe probe = OpenClRuntime.probe();
        if (probe.available() && probe.selected().type().isGpuLike()) {
            assertThat(p.priority()).isEqualTo(OpenClProvider.GPU_PRIORITY).isGreaterThan(100);
        } else {
            assertThat(p.priority()).isEqualTo(OpenClProvider.CPU_PRIORITY).isLessThan(100);
        }
        assertThat(p.probe().available()).isEqualTo(probe.available());
        assertThat(p.details()).isNotEmpty();
        if (probe.available()) {
            assertThat(p.details().get(0)).startsWith("* [0]");
            assertThat(Backends.create("opencl")).isInstanceOf(OpenClBackend.class);
        }
    }

    @Test
    void noRegisteredDriverGivesPlatformNotFound(@TempDir Path emptyVendors) throws IOException, InterruptedException {
        String missing = OpenClRuntime.missingLoader();
        assumeTrue(missing == null, () -> "needs an OpenCL ICD loader (then hides every driver): " + missing);
        String out = runProbe(emptyVendors, null);
        assertThat(out).contains("opencl: unavailable, priority 50")
                .contains("no OpenCL platform").contains("CL_PLATFORM_NOT_FOUND_KHR");
    }

    @Test
    void aMissingLoaderIsExplainedWithoutTheNativeLoadersNoise() throws IOException, InterruptedException {
        assumeTrue(OpenClRuntime.missingLoader() != null, "an OpenCL ICD loader is installed here");
        String out = runProbe(null, null);
        assertThat(out).contains("opencl: unavailable, priority 50").contains("no ICD loader: libOpenCL.so.1")
                .contains("apt-get install ocl-icd-libopencl1").doesNotContain("Could not load");
        assertThat(OpenClRuntime.probe().available()).isFalse();
    }

    @Test
    void anUnknownDeviceRequestIsUnavailableWithTheListOfDevices() throws IOException, InterruptedException {
        OpenClTesting.backend(); // needs a real device
        String out = runProbe(null, "no-such-device");
        assertThat(out).contains("opencl: unavailable").contains("kiln.opencl.device='no-such-device' matches no device")
                .contains("[0] ");
    }

    /** Runs {@link OpenClInfo} in a fresh JVM (the probe is cached per process). */
    private static String runProbe(Path vendors, String device) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        if (device != null) {
            cmd.add("-Dkiln.opencl.device=" + device);
        }
        cmd.add(OpenClInfo.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (vendors != null) {
            pb.environment().put("OCL_ICD_VENDORS", vendors.toString()); // ocl-icd: look for drivers only here
        }
        pb.environment().remove("KILN_OPENCL_DEVICE");
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor()).as(out).isEqualTo(out.contains("opencl: available") ? 0 : 1);
        return out;
    }
}
