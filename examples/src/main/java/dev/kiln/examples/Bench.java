package dev.kiln.examples;

import java.util.List;
import java.util.Map;

/**
 * One end-to-end benchmark ({@code ./kiln bench NAME [--json]}). It returns named figures; the
 * command line prints them as a table, or as one JSON object with {@code --json}. Listed in
 * {@code META-INF/services/dev.kiln.examples.Bench}.
 */
public interface Bench {
    String name();

    String description();

    /** Runs with the benchmark's own arguments; keys and values become the table/JSON. */
    Map<String, Object> run(List<String> args) throws Exception;
}
