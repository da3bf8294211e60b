package dev.kiln.examples.cli;

import dev.kiln.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code kiln example NAME [ARGS...]}: runs one example program. */
@Command(name = "example", description = "Run an example program; without NAME, list them.")
final class ExampleCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "example name")
    String name;

    @Parameters(index = "1..*", arity = "0..*", description = "arguments passed to the example")
    List<String> args = new ArrayList<>();

    // options such as --epochs=1 belong to the example, not to kiln: pass them through unparsed
    @Unmatched
    List<String> unmatched = new ArrayList<>();

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
        List<String> exampleArgs = new ArrayList<>(args);
        exampleArgs.addAll(unmatched);
        exampleArgs.remove("--");
        return e.run(exampleArgs, System.out);
    }
}
