package dev.kiln.examples.cli;

import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln example NAME [OPTIONS...]}: runs one example program. Everything after NAME belongs
 * to the example and is parsed against its declared {@link Example#options()}: an unknown or
 * malformed option is an error (exit 2), never silently ignored.
 */
@Command(name = "example", description = "Run an example program; without NAME, list them. "
        + "'kiln example NAME --help' lists its options.")
final class ExampleCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "example name")
    String name;

    @Parameters(index = "1..*", arity = "0..*", description = "options of the example")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TreeMap<String, Example> all = new TreeMap<>();
        ServiceLoader.load(Example.class).forEach(e -> all.put(e.name(), e));
        if (name == null) {
            System.out.println("examples:");
            all.values().forEach(e -> System.out.printf("  %-22s %s%n", e.name(), e.description()));
            return 0;
        }
        Example e = all.get(name);
        if (e == null) {
            System.err.println("kiln: unknown example '" + name + "'; available: " + String.join(", ", all.keySet()));
            return 2;
        }
        Options.Spec spec = e.options();
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("kiln example " + name + ": " + e.description());
            System.out.print(spec.usage());
            return 0;
        }
        try {
            return e.run(spec.parse("kiln example " + name, args), System.out);
        } catch (Options.UsageException ex) {
            System.err.println(ex.getMessage());
            return 2;
        }
    }
}
