package dev.kiln.examples.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiln data fetch NAME}: runs scripts/fetch-data.sh, which downloads and verifies a dataset. */
@Command(name = "data", description = "Dataset commands.", subcommands = DataCommand.Fetch.class)
final class DataCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: kiln data fetch NAME");
    }

    @Command(name = "fetch", description = "Download and verify a dataset into the cache (KILN_DATA).")
    static final class Fetch implements Callable<Integer> {
        @Parameters(index = "0", description = "dataset name (see scripts/fetch-data.sh)")
        String dataset;

        @Override
        public Integer call() throws Exception {
            Path script = Path.of(System.getProperty("kiln.home", "."), "scripts", "fetch-data.sh");
            if (!script.toFile().isFile()) {
                System.err.println("kiln: " + script + " not found (run kiln from the repository root)");
                return 2;
            }
            Process p = new ProcessBuilder("bash", script.toString(), dataset).inheritIO()
                    .directory(new File(System.getProperty("kiln.home", "."))).start();
            return p.waitFor();
        }
    }
}
