package dev.kiln.core.backend;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one notice Kiln prints itself: when the default selection lands on the slow reference
 * backend although a faster one should be there. It goes to stderr, not through SLF4J, because a
 * user's project often has no SLF4J binding and a 10x slower epoch must not stay silent.
 * {@code -Dkiln.backend.notice=false} (or {@code KILN_BACKEND_NOTICE=false}) turns it off.
 */
public final class FallbackNotice {
    /**
     * Kiln's own backend providers and the artifact that ships each. A shaded jar built without
     * merging service files keeps one {@code META-INF/services} file and loses the other providers;
     * their classes are still there, which is how core can tell.
     */
    static final Map<String, String> KILN_PROVIDERS = kilnProviders();
    private static final AtomicBoolean SHOWN = new AtomicBoolean();

    private FallbackNotice() {
    }

    private static Map<String, String> kilnProviders() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dev.kiln.cpu.CpuProvider", "kiln-tensor-cpu");
        m.put("dev.kiln.opencl.OpenClProvider", "kiln-tensor-gpu-opencl");
        return m;
    }

    /**
     * The notice for {@code selection}, or empty when none is due: a backend chosen on request,
     * or anything but the reference backend, needs no explanation.
     *
     * @param unregistered Kiln provider classes present but not listed by ServiceLoader, mapped to their artifact
     */
    public static Optional<String> message(Backends.Selection selection, Map<String, String> unregistered) {
        Backends.Entry chosen = selection.chosen();
        if (!chosen.name().equals("reference") || selection.why().startsWith("requested")) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        for (Backends.Entry e : selection.entries()) {
            if (e != chosen && !e.availability().available() && e.provider().priority() > chosen.provider().priority()) {
                reasons.add("backend '" + e.name() + "' is on the class path but unavailable: " + e.availability().reason());
            }
        }
        unregistered.forEach((cls, artifact) -> reasons.add(artifact + " is on the class path, but "
                + "META-INF/services/" + BackendProvider.class.getName() + " does not list " + cls
                + ": a shaded jar kept only one services file; merge them (maven-shade-plugin: "
                + "<transformer implementation=\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/>)"));
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("kiln: falling back to the 'reference' backend (plain Java, "
                + "many times slower) because:");
        reasons.forEach(r -> sb.append(String.format(Locale.ROOT, "%n  - %s", r)));
        sb.append(String.format(Locale.ROOT, "%n  (-Dkiln.backend=reference chooses it on purpose; "
                + "-Dkiln.backend.notice=false hides this notice)"));
        return Optional.of(sb.toString());
    }

    /** Kiln's provider classes that {@code loader} can load but that ServiceLoader did not find. */
    public static Map<String, String> unregistered(List<Backends.Entry> entries, ClassLoader loader) {
        return unregistered(entries, loader, KILN_PROVIDERS);
    }

    static Map<String, String> unregistered(List<Backends.Entry> entries, ClassLoader loader, Map<String, String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> k : known.entrySet()) {
            boolean listed = entries.stream().anyMatch(e -> e.provider().getClass().getName().equals(k.getKey()));
            if (!listed && present(k.getKey(), loader)) {
                out.put(k.getKey(), k.getValue());
            }
        }
        return out;
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader); // no initialisation: presence only
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the notice is on: {@code -Dkiln.backend.notice}, else {@code KILN_BACKEND_NOTICE}, else true. */
    static boolean enabled() {
        String v = System.getProperty("kiln.backend.notice");
        if (v == null || v.isBlank()) {
            v = System.getenv("KILN_BACKEND_NOTICE");
        }
        return v == null || v.isBlank() || !(v.trim().equalsIgnoreCase("false") || v.trim().equals("0")
                || v.trim().equalsIgnoreCase("off"));
    }

    /** Prints the notice for {@code selection} to {@code err}, at most once per process. */
    static void showOnce(Backends.Selection selection, PrintStream err) {
        if (!enabled()) {
            return;
        }
        Optional<String> m = message(selection, unregistered(selection.entries(), Backends.class.getClassLoader()));
        if (m.isPresent() && SHOWN.compareAndSet(false, true)) {
            err.println(m.get());
        }
    }
}
