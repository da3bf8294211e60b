package dev.kiln.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector}, as a user's own project often
 * is: Kiln says on stderr, once and without any SLF4J binding, that it fell back and how to fix it.
 */
class FallbackNoticeProcessTest {
    /** Prints the selected backend's name; the notice, if any, goes to stderr. */
    public static final class Main {
        public static void main(String[] args) {
            System.out.println("selected " + Backends.current().name());
            Backends.current(); // a second use prints nothing more
        }
    }

    private static Result run(String... props) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(props));
        cmd.add(Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("KILN_BACKEND");
        pb.environment().remove("KILN_BACKEND_NOTICE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        return new Result(out, err);
    }

    private record Result(String out, String err) {
    }

    @Test
    void withoutTheVectorModuleTheFallbackIsExplainedOnceOnStderr() throws Exception {
        Result r = run();
        assertThat(r.out()).contains("selected reference");
        assertThat(r.err()).contains("kiln: falling back to the 'reference' backend")
                .contains("backend 'cpu' is on the class path but unavailable")
                .contains("--add-modules jdk.incubator.vector");
        assertThat(r.err().split("falling back", -1)).hasSize(2); // once
    }

    @Test
    void thePropertyTurnsTheNoticeOff() throws Exception {
        Result r = run("-Dkiln.backend.notice=false");
        assertThat(r.out()).contains("selected reference");
        assertThat(r.err()).doesNotContain("falling back");
    }
}
