package dev.kiln.reinforcement.maze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortestPathTest {
    @Test
    void frozenLakeShortestPathsCountedByHand() {
        // 4x4: S(0,0) -> G(3,3) needs 6 moves around the holes; 8x8 needs 14 (Manhattan distance, a hole-free route exists)
        assertThat(ShortestPath.length(MazeMap.parse(MazeLayouts.FROZEN_LAKE_4X4))).isEqualTo(6);
        assertThat(ShortestPath.length(MazeMap.parse(MazeLayouts.FROZEN_LAKE_8X8))).isEqualTo(14);
    }

    @Test
    void detourAroundAWall() {
        MazeMap m = MazeMap.parse("""
                S#G
                .#.
                ...
                """);
        // down 2, right 2, up 2
        assertThat(ShortestPath.path(m)).hasValue(java.util.List.of(0, 3, 6, 7, 8, 5, 2));
        assertThat(ShortestPath.distances(m)[1]).isEqualTo(-1); // the wall itself
    }

    @Test
    void nearestOfTwoGoals() {
        MazeMap m = MazeMap.parse("G.S...G");
        assertThat(ShortestPath.length(m)).isEqualTo(2);
        assertThat(ShortestPath.path(m).orElseThrow()).containsExactly(2, 1, 0);
    }

    @Test
    void pathStepsAreSingleMoves() {
        MazeMap m = MazeGenerator.generate(MazeGenerator.Algorithm.PRIM, 9, 7, 5, 3);
        var path = ShortestPath.path(m).orElseThrow();
        assertThat(path.getFirst()).isEqualTo(m.start());
        assertThat(m.tile(path.getLast())).isEqualTo(Tile.GOAL);
        for (int i = 0; i + 1 < path.size(); i++) {
            int from = path.get(i);
            int to = path.get(i + 1);
            assertThat(java.util.Arrays.stream(Move.values()).anyMatch(mv -> m.neighbour(from, mv) == to))
                    .as("step %d -> %d", from, to).isTrue();
        }
    }
}
