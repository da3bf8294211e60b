package dev.kiln.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kiln} command line. */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0-SNAPSHOT",
        description = "Kiln: train machine-learning models in Java.",
        subcommands = {BackendsCommand.class, ExampleCommand.class, BenchCommand.class, DataCommand.class})
public final class KilnCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new KilnCli());
        // after NAME every word belongs to the example or benchmark, which parses it against its own options
        cl.getSubcommands().get("example").setStopAtPositional(true);
        cl.getSubcommands().get("bench").setStopAtPositional(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // user-facing failures (bad data, unavailable backend) print a message, not a stack trace
            cmd.getErr().println("kiln: " + ex.getMessage());
            if (Boolean.getBoolean("kiln.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }
}
