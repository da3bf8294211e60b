package dev.kiln.cpu;

import dev.kiln.core.backend.Availability;
import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.BackendProvider;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the SIMD CPU backend ("cpu", priority 100, above the reference backend's 0).
 *
 * <p>The backend needs the incubator module {@code jdk.incubator.vector}, which the JVM only
 * resolves when asked with {@code --add-modules}. This class never touches a Vector API class:
 * {@link #probe()} looks the module up in the boot layer, and only {@link #create()} (called
 * after a positive probe) loads the kernels.
 */
public final class CpuProvider implements BackendProvider {
    static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(CpuProvider.class);

    private volatile Availability cached;

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        Availability a = cached;
        if (a == null) {
            a = probe(ModuleLayer.boot().findModule(MODULE));
            if (!a.available()) {
                LOG.info("Backend 'cpu' is unavailable: {}", a.reason());
            }
            cached = a;
        }
        return a;
    }

    /** The probe's decision for a given lookup result; separate so tests can feed a missing module. */
    static Availability probe(Optional<Module> vectorModule) {
        if (vectorModule.isEmpty()) {
            return Availability.no("the Vector API module is not enabled: start the JVM with --add-modules "
                    + MODULE + " (the kiln launcher and the Maven build pass it)");
        }
        try {
            return Availability.yes("Vector API, " + VectorInfo.describe() + ", " + CpuConfig.threads() + " threads");
        } catch (Throwable t) { // e.g. a JVM whose Vector API is disabled or broken; report, never crash
            return Availability.no("the Vector API module is present but failed to start: " + t);
        }
    }

    @Override
    public Backend create() {
        return new CpuBackend(CpuConfig.threads());
    }

    @Override
    public List<String> details() {
        Availability a = probe();
        return a.available() ? List.of("threads: set with -Dkiln.threads or KILN_THREADS (default: all processors)")
                : List.of();
    }
}
