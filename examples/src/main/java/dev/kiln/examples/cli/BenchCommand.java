package dev.kiln.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.examples.Bench;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code kiln bench NAME [--json] [ARGS...]}: runs one end-to-end benchmark. */
@Command(name = "bench", description = "Run a benchmark and print a table (or JSON); without NAME, list them.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "benchmark name")
    String name;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TreeMap<String, Bench> all = new TreeMap<>();
        ServiceLoader.load(Bench.class).forEach(b -> all.put(b.name(), b));
        if (name == null) {
            System.out.println("benchmarks:");
            all.values().forEach(b -> System.out.printf("  %-22s %s%n", b.name(), b.description()));
            return 0;
        }
        Bench b = all.get(name);
        if (b == null) {
            System.err.println("kiln: unknown benchmark '" + name + "'; available: " + String.join(", ", all.keySet()));
            return 2;
        }
        Map<String, Object> result = b.run(args);
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(result));
        } else {
            result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        }
        return 0;
    }
}
