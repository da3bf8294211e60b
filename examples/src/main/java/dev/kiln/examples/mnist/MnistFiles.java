package dev.kiln.examples.mnist;

import dev.kiln.core.data.Mnist;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fetches an MNIST-style set with {@code scripts/fetch-data.sh} when it is not in the cache yet. */
final class MnistFiles {
    private MnistFiles() {
    }

    static void ensure(Mnist set, PrintStream out) throws IOException, InterruptedException {
        if (set.isAvailable()) {
            return;
        }
        Path home = Path.of(System.getProperty("kiln.home", "."));
        Path script = home.resolve("scripts").resolve("fetch-data.sh");
        if (!Files.isRegularFile(script)) {
            throw new IOException(set + " is not in " + set.directory() + " and " + script
                    + " is missing; run '" + set.fetchCommand() + "' from the Kiln repository");
        }
        out.println(set + " not found in " + set.directory() + "; fetching it with " + set.fetchCommand());
        Process p = new ProcessBuilder("bash", script.toString(), set.fetchName()).inheritIO()
                .directory(new File(home.toString())).start();
        int rc = p.waitFor();
        if (rc != 0 || !set.isAvailable()) {
            throw new IOException(set.fetchCommand() + " failed (exit " + rc + "); see its output above");
        }
    }
}
