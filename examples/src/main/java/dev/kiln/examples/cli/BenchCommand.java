package dev.kiln.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln bench NAME [--json] [--threads N] [OPTIONS...]}: runs one end-to-end benchmark.
 * {@code --threads} and {@code --json} are common to all; the rest are the benchmark's own
 * {@link Bench#options()}. Unknown options are errors (exit 2).
 */
@Command(name = "bench", description = "Run a benchmark and print a table (or JSON); without NAME, list them. "
        + "'kiln bench NAME --help' lists its options.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "benchmark name")
    String name;

    @Parameters(index = "1..*", arity = "0..*", description = "options of the benchmark")
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
        Options.Spec spec = b.options()
                .integer("threads", 0, "CPU backend threads (0: -Dkiln.threads, KILN_THREADS, else all processors)")
                .flag("json", "print one JSON object instead of a table");
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("kiln bench " + name + ": " + b.description());
            System.out.print(spec.usage());
            return 0;
        }
        Map<String, Object> result;
        try {
            Options options = spec.parse("kiln bench " + name, args);
            int threads = options.integer("threads");
            if (threads < 0) {
                throw new Options.UsageException("kiln bench " + name + ": --threads must be positive, got " + threads);
            }
            if (threads > 0) {
                // read by the CPU backend when it is created, which happens inside the benchmark
                System.setProperty("kiln.threads", Integer.toString(threads));
            }
            result = b.run(options);
            if (options.flag("json")) {
                System.out.println(new ObjectMapper().writeValueAsString(result));
            } else {
                result.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
            }
        } catch (Options.UsageException ex) {
            System.err.println(ex.getMessage());
            return 2;
        }
        return 0;
    }
}
