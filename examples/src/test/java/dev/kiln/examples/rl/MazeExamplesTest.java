package dev.kiln.examples.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.examples.Example;
import dev.kiln.reinforcement.io.QTableFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MazeExamplesTest {
    @Test
    void mazeQSolvesASmallMazeAndSavesItsTable(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path file = dir.resolve("q.json");
        int code = run(new MazeQExample(), new PrintStream(bytes, true, StandardCharsets.UTF_8), "--size", "6",
                "--seed", "3", "--algorithm", "prim", "--save", file.toString());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("PRIM maze of 6x6 cells (13x13 tiles)").contains("episodes to first success")
                .contains("Q-table saved to");
        String bfs = out.replaceAll("(?s).*shortest path (\\d+) moves.*", "$1");
        assertThat(out).contains("greedy path: " + bfs + " moves (BFS optimum " + bfs + ")");
        assertThat(QTableFile.read(file).table().states()).isEqualTo(13 * 13);
    }

    private static int run(Example example, PrintStream out, String... args) throws Exception {
        return example.run(example.options().parse(example.name(), List.of(args)), out);
    }

    @Test
    void badOptionsAreNamed() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(new MazeQExample(), sink, "--sise", "6"))
                .hasMessageContaining("maze-q: unknown option '--sise'; valid options: --agent=VALUE, --algorithm=VALUE");
        assertThatThrownBy(() -> run(new MazeQExample(), sink, "--size", "six"))
                .hasMessageContaining("'six' is not an int");
        assertThatThrownBy(() -> run(new MazeQExample(), sink, "--agent", "td-lambda"))
                .hasMessageContaining("--agent must be q-learning, sarsa or expected-sarsa");
        assertThatThrownBy(() -> run(new MazeQExample(), sink, "--algorithm", "kruskal"))
                .hasMessageContaining("--algorithm must be dfs or prim, got 'kruskal'");
        assertThatThrownBy(() -> run(new MazeDqnExample(), sink, "--seed"))
                .hasMessageContaining("Missing required parameter for option '--seed'");
    }
}
