package dev.kiln.examples.cli;

import dev.kiln.core.backend.BackendUnavailableException;
import dev.kiln.core.backend.Backends;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kiln backends}: every backend found, whether it can run here, and which one is selected. */
@Command(name = "backends", description = "List tensor backends, their availability and the selected one.")
final class BackendsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<Backends.Entry> entries = Backends.discover();
        System.out.printf(Locale.ROOT, "%-10s %8s  %-9s  %s%n", "BACKEND", "PRIORITY", "AVAILABLE", "DETAIL");
        for (Backends.Entry e : entries) {
            System.out.printf(Locale.ROOT, "%-10s %8d  %-9s  %s%n", e.name(), e.provider().priority(),
                    e.availability().available() ? "yes" : "no", e.availability().reason());
            for (String line : e.provider().details()) {
                System.out.printf(Locale.ROOT, "%-10s %8s  %-9s    %s%n", "", "", "", line);
            }
        }
        String requested = Backends.requestedName();
        try {
            Backends.Selection s = Backends.select(entries, requested);
            System.out.println();
            System.out.println("selected: " + s.chosen().name() + " (" + s.why() + ")");
            return 0;
        } catch (BackendUnavailableException ex) {
            System.err.println();
            System.err.println("kiln: " + ex.getMessage());
            return 1;
        }
    }
}
