package dev.kiln.examples;

import java.io.PrintStream;

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

    /** The options it accepts ({@code ./kiln example NAME --help} lists them). */
    default Options.Spec options() {
        return Options.spec();
    }

    /** Runs the example with its parsed {@link #options()}, printing to {@code out}; returns the exit code. */
    int run(Options options, PrintStream out) throws Exception;
}
