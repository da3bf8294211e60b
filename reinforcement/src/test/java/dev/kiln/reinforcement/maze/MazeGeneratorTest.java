package dev.kiln.reinforcement.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MazeGeneratorTest {
    /** Open tiles and the adjacencies between them, for graph checks. */
    private static int[] verticesAndEdges(MazeMap m) {
        int v = 0;
        int e = 0;
        for (int cell = 0; cell < m.cells(); cell++) {
            if (m.tile(cell) == Tile.WALL) {
                continue;
            }
            v++;
            if (m.neighbour(cell, Move.RIGHT) != cell) {
                e++;
            }
            if (m.neighbour(cell, Move.DOWN) != cell) {
                e++;
            }
        }
        return new int[] {v, e};
    }

    private static int reachable(MazeMap m) {
        boolean[] seen = new boolean[m.cells()];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(m.start());
        seen[m.start()] = true;
        int n = 0;
        while (!q.isEmpty()) {
            int c = q.poll();
            n++;
            for (Move mv : Move.values()) {
                int d = m.neighbour(c, mv);
                if (!seen[d]) {
                    seen[d] = true;
                    q.add(d);
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(MazeGenerator.Algorithm.class)
    void perfectMazeIsASpanningTree(MazeGenerator.Algorithm alg) {
        for (int[] size : new int[][] {{16, 16}, {5, 11}, {1, 7}}) {
            MazeMap m = MazeGenerator.generate(alg, size[0], size[1], 42);
            assertThat(m.rows()).isEqualTo(2 * size[0] + 1);
            assertThat(m.cols()).isEqualTo(2 * size[1] + 1);
            int[] ve = verticesAndEdges(m);
            // connected with V - 1 edges <=> a tree: exactly one path between any two cells
            assertThat(reachable(m)).isEqualTo(ve[0]);
            assertThat(ve[1]).isEqualTo(ve[0] - 1);
            assertThat(ve[0]).isEqualTo(size[0] * size[1] + size[0] * size[1] - 1);
            assertThat(m.start()).isEqualTo(m.index(1, 1));
            assertThat(m.goals()).containsExactly(m.index(m.rows() - 2, m.cols() - 2));
        }
    }

    @ParameterizedTest
    @EnumSource(MazeGenerator.Algorithm.class)
    void extraOpeningsAddLoops(MazeGenerator.Algorithm alg) {
        MazeMap m = MazeGenerator.generate(alg, 8, 8, 10, 7);
        int[] ve = verticesAndEdges(m);
        assertThat(ve[1] - (ve[0] - 1)).isEqualTo(10); // each opening closes one cycle
        assertThat(ShortestPath.length(m)).isLessThanOrEqualTo(
                ShortestPath.length(MazeGenerator.generate(alg, 8, 8, 0, 7)));
    }

    @Test
    void seedsAreReproducibleAndDistinct() {
        String a = MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 10, 10, 1).toAscii();
        assertThat(MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 10, 10, 1).toAscii()).isEqualTo(a);
        assertThat(MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 10, 10, 2).toAscii()).isNotEqualTo(a);
        assertThat(MazeGenerator.generate(MazeGenerator.Algorithm.PRIM, 10, 10, 1).toAscii()).isNotEqualTo(a);
    }

    @Test
    void depthFirstMakesLongerCorridorsThanPrim() {
        // DFS mazes have few, long dead ends; Prim's many short ones: compare dead-end counts over seeds
        int dfs = 0;
        int prim = 0;
        for (long seed = 0; seed < 5; seed++) {
            dfs += deadEnds(MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 12, 12, seed));
            prim += deadEnds(MazeGenerator.generate(MazeGenerator.Algorithm.PRIM, 12, 12, seed));
        }
        assertThat(dfs).isLessThan(prim);
    }

    private static int deadEnds(MazeMap m) {
        int n = 0;
        for (int cell = 0; cell < m.cells(); cell++) {
            if (m.tile(cell) == Tile.WALL) {
                continue;
            }
            int exits = 0;
            for (Move mv : Move.values()) {
                exits += m.neighbour(cell, mv) != cell ? 1 : 0;
            }
            n += exits == 1 ? 1 : 0;
        }
        return n;
    }

    @Test
    void badSizesAreErrors() {
        assertThatThrownBy(() -> MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 1, 1, 0))
                .hasMessageContaining("at least 2 cells, got 1x1");
        assertThatThrownBy(() -> MazeGenerator.generate(MazeGenerator.Algorithm.DFS, 2, 2, 100, 0))
                .hasMessageContaining("100 extra openings").hasMessageContaining("only 1 inner walls");
    }
}
