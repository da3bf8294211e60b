package dev.kiln.core.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds backends with {@link ServiceLoader} and picks one: {@code -Dkiln.backend=NAME}, else
 * {@code KILN_BACKEND}, else the available provider with the highest priority (ties: by name,
 * so the choice never depends on classpath order). Nothing happens at class-load time: the first
 * call to {@link #current()} does the discovery.
 */
public final class Backends {
    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static volatile Backend current;
    private static volatile Selection selection;

    private Backends() {
    }

    /** One provider as seen by selection. */
    public record Entry(BackendProvider provider, Availability availability) {
        public String name() {
            return provider.name();
        }
    }

    /** The result of selection: every provider found, the chosen one and why. */
    public record Selection(List<Entry> entries, Entry chosen, String why) {
    }

    /** Every provider on the classpath with its probe result, highest priority first. */
    public static List<Entry> discover() {
        List<Entry> entries = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            Availability a;
            try {
                a = p.probe();
            } catch (Throwable t) { // a broken plug-in must not take the others down
                a = Availability.no("probe failed: " + t);
            }
            entries.add(new Entry(p, a));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> -e.provider().priority()).thenComparing(Entry::name));
        return entries;
    }

    /** The requested backend name from {@code -Dkiln.backend} or {@code KILN_BACKEND}, or null. */
    public static String requestedName() {
        String p = System.getProperty("kiln.backend");
        if (p != null && !p.isBlank()) {
            return p.trim().toLowerCase(Locale.ROOT);
        }
        String e = System.getenv("KILN_BACKEND");
        return e != null && !e.isBlank() ? e.trim().toLowerCase(Locale.ROOT) : null;
    }

    /** Chooses a backend among {@code entries} for {@code requested} (null = best available). */
    public static Selection select(List<Entry> entries, String requested) {
        if (requested != null) {
            for (Entry e : entries) {
                if (e.name().equals(requested)) {
                    if (!e.availability().available()) {
                        throw new BackendUnavailableException("backend '" + requested + "' was requested but is "
                                + "not available: " + e.availability().reason() + "\n" + table(entries));
                    }
                    return new Selection(entries, e, "requested by -Dkiln.backend / KILN_BACKEND");
                }
            }
            throw new BackendUnavailableException("backend '" + requested + "' was requested but no such backend "
                    + "is on the classpath\n" + table(entries));
        }
        for (Entry e : entries) {
            if (e.availability().available()) {
                return new Selection(entries, e, "highest priority available (" + e.provider().priority() + ")");
            }
        }
        throw new BackendUnavailableException("no backend is available\n" + table(entries));
    }

    /** The selection made for this process (computed once). */
    public static Selection selection() {
        Selection s = selection;
        if (s == null) {
            synchronized (Backends.class) {
                if (selection == null) {
                    selection = select(discover(), requestedName());
                }
                s = selection;
            }
        }
        return s;
    }

    /** The process-wide default backend, created on first use. */
    public static Backend current() {
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) {
                    Selection s = selection();
                    current = s.chosen().provider().create();
                    FallbackNotice.showOnce(s, System.err);
                    LOG.info("Using backend '{}': {}", s.chosen().name(), s.why());
                }
                b = current;
            }
        }
        return b;
    }

    /** Creates the named backend (ignoring the default selection); fails with the listing if it cannot. */
    public static Backend create(String name) {
        Entry e = select(discover(), name.toLowerCase(Locale.ROOT)).chosen();
        return e.provider().create();
    }

    /** Human-readable table of providers for error messages. */
    public static String table(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("backends found:");
        if (entries.isEmpty()) {
            sb.append(" none (is a backend module on the classpath?)");
        }
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%n  %-10s priority %4d  %s", e.name(), e.provider().priority(),
                    e.availability().available() ? "available" : "unavailable: " + e.availability().reason()));
        }
        return sb.toString();
    }
}
