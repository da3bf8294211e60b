package dev.kiln.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.examples.xor.XorExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XorExampleTest {
    private static String runOnce() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new XorExample().run(new XorExample().options().parse("xor", List.of()), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(rc).isZero();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reachesFullAccuracyWithIdenticalLossesOnEveryRun() throws Exception {
        String first = runOnce();
        assertThat(first).contains("Accuracy: 100.0% (4/4)").contains("Epoch 1, Loss: ");
        assertThat(runOnce()).isEqualTo(first);
    }
}
