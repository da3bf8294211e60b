package dev.kiln.examples.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        int code = new MazeQExample().run(List.of("--size", "6", "--seed", "3", "--algorithm", "prim", "--save",
                file.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("PRIM maze of 6x6 cells (13x13 tiles)").contains("episodes to first success")
                .contains("Q-table saved to");
        String bfs = out.replaceAll("(?s).*shortest path (\\d+) moves.*", "$1");
        assertThat(out).contains("greedy path: " + bfs + " moves (BFS optimum " + bfs + ")");
        assertThat(QTableFile.read(file).table().states()).isEqualTo(13 * 13);
    }

    @Test
    void badOptionsAreNamed() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MazeQExample().run(List.of("--sise", "6"), sink))
                .hasMessageContaining("unknown option '--sise'");
        assertThatThrownBy(() -> new MazeQExample().run(List.of("--size", "six"), sink))
                .hasMessageContaining("--size must be an integer, got 'six'");
        assertThatThrownBy(() -> new MazeQExample().run(List.of("--agent", "td-lambda"), sink))
                .hasMessageContaining("--agent must be q-learning, sarsa or expected-sarsa");
        assertThatThrownBy(() -> new MazeQExample().run(List.of("--algorithm", "kruskal"), sink))
                .hasMessageContaining("--algorithm must be dfs or prim, got 'kruskal'");
        assertThatThrownBy(() -> new MazeDqnExample().run(List.of("--seed"), sink))
                .hasMessageContaining("--seed needs a value");
    }
}
