package dev.kiln.opencl;

import dev.kiln.core.backend.Availability;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BackendProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides the "opencl" backend. Its priority depends on the probed device: {@value #GPU_PRIORITY}
 * for a GPU or accelerator (it wins the default selection), {@value #CPU_PRIORITY} for a CPU
 * device such as POCL, which stays usable on request ({@code -Dkiln.backend=opencl} or
 * {@code KILN_BACKEND=opencl}) but never beats tensor-cpu (100) by default.
 */
public final class OpenClProvider implements BackendProvider {
    public static final int GPU_PRIORITY = 200;
    public static final int CPU_PRIORITY = 50;

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int priority() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        return p.available() && p.selected().type().isGpuLike() ? GPU_PRIORITY : CPU_PRIORITY;
    }

    @Override
    public Availability probe() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        return p.available() ? Availability.yes(p.reason()) : Availability.no(p.reason());
    }

    @Override
    public Backend create() {
        return OpenClBackend.create();
    }

    @Override
    public List<String> details() {
        OpenClRuntime.Probe p = OpenClRuntime.probe();
        List<String> lines = new ArrayList<>();
        for (DeviceInfo d : p.devices()) {
            lines.add((d == p.selected() ? "* " : "  ") + d.describe());
        }
        if (lines.isEmpty()) {
            lines.add("no OpenCL devices: " + p.reason());
        } else {
            lines.add("choose with -Dkiln.opencl.device=INDEX|NAME (or KILN_OPENCL_DEVICE)");
        }
        return lines;
    }
}
