package dev.kiln.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line rejects what it does not understand instead of running a different experiment. */
class KilnCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private String savedThreads;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedThreads = System.getProperty("kiln.threads");
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        if (savedThreads == null) {
            System.clearProperty("kiln.threads");
        } else {
            System.setProperty("kiln.threads", savedThreads);
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMistypedExampleOptionIsAnErrorThatNamesTheValidOnes() {
        assertThat(KilnCli.execute("example", "mnist-mlp", "--epoch=1")).isEqualTo(2);
        assertThat(err()).isEqualTo("kiln example mnist-mlp: unknown option '--epoch=1'; valid options: --epochs=N"
                + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aMalformedValueAndAStrayArgumentAreErrors() {
        assertThat(KilnCli.execute("example", "mnist-mlp", "--epochs", "two")).isEqualTo(2);
        assertThat(err()).contains("'two' is not an int").contains("valid options: --epochs=N");
        assertThat(KilnCli.execute("example", "xor", "extra")).isEqualTo(2);
        assertThat(err()).contains("kiln example xor: unexpected argument 'extra'; valid options: none");
    }

    @Test
    void helpListsTheOptionsWithTheirDefaults() {
        assertThat(KilnCli.execute("example", "mnist-mlp-adam", "--help")).isZero();
        assertThat(out()).contains("--epochs N").contains("(default 15)").contains("--resume");
        assertThat(KilnCli.execute("bench", "sgemm", "--help")).isZero();
        assertThat(out()).contains("--threads N").contains("--json").contains("--size N");
    }

    @Test
    void benchesRejectUnknownOptionsAndHonourThreads() {
        assertThat(KilnCli.execute("bench", "mnist-mlp-epoch", "--anything=3")).isEqualTo(2);
        assertThat(err()).contains("kiln bench mnist-mlp-epoch: unknown option '--anything=3'")
                .contains("--threads=N").contains("--normalize");

        // 3 is neither this machine's core count nor the test JVM's -Dkiln.threads: only --threads can produce it
        assertThat(KilnCli.execute("bench", "sgemm", "--size", "48", "--reps", "1", "--threads", "3", "--json"))
                .as(err()).isZero();
        assertThat(out()).contains("\"threads\":3").contains("\"size\":48");
    }
}
