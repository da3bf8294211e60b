package dev.kiln.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * One runnable example program ({@code ./kiln example NAME}). Implementations are listed in
 * {@code META-INF/services/dev.kiln.examples.Example}; keep each one short enough to read in one
 * sitting: it is the code users copy.
 */
public interface Example {
    /** The name used on the command line, e.g. "xor", "mnist-mlp". */
    String name();

    /** One line for {@code ./kiln example --list}. */
    String description();

    /** Runs the example, printing to {@code out}; returns the process exit code. */
    int run(List<String> args, PrintStream out) throws Exception;
}
