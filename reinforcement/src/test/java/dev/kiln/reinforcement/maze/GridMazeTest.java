package dev.kiln.reinforcement.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.reinforcement.env.Box;
import dev.kiln.reinforcement.env.Discrete;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.env.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridMazeTest {
    private static final int LEFT = 0;
    private static final int DOWN = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;

    private static final MazeMap SMALL = MazeMap.parse("""
            S.T
            #.H
            ..G
            """);

    @Test
    void spacesAndReset() {
        GridMaze maze = GridMaze.of(SMALL);
        assertThat(maze.observationSpace()).isEqualTo(new Discrete(9));
        assertThat(maze.actionSpace()).isEqualTo(new Discrete(4));
        assertThat(maze.reset(1)).isEqualTo(0);
        assertThat(maze.maxSteps()).isEqualTo(36);
    }

    @Test
    void movesWallsEdgesAndGoal() {
        GridMaze maze = GridMaze.builder(SMALL).rewards(new MazeRewards(10, -1, -5, -20)).build();
        maze.reset(0);
        Step<Integer> s = maze.step(UP); // edge: stays
        assertThat(s.observation()).isEqualTo(0);
        assertThat(s.reward()).isEqualTo(-1);
        assertThat(maze.step(DOWN).observation()).isEqualTo(0); // wall below the start
        assertThat(maze.step(RIGHT).observation()).isEqualTo(1);
        assertThat(maze.step(DOWN).observation()).isEqualTo(4);
        assertThat(maze.step(DOWN).observation()).isEqualTo(7);
        Step<Integer> end = maze.step(RIGHT);
        assertThat(end.observation()).isEqualTo(8);
        assertThat(end.reward()).isEqualTo(10);
        assertThat(end.terminated()).isTrue();
        assertThat(end.truncated()).isFalse();
        assertThat(end.success()).isTrue();
        assertThat(maze.path()).containsExactly(0, 0, 0, 1, 4, 7, 8);
        assertThatThrownBy(() -> maze.step(LEFT)).hasMessageContaining("after the episode ended");
    }

    @Test
    void trapsCostButContinueHolesEnd() {
        GridMaze maze = GridMaze.builder(SMALL).rewards(new MazeRewards(10, -1, -5, -20)).build();
        maze.reset(0);
        maze.step(RIGHT);
        Step<Integer> trap = maze.step(RIGHT);
        assertThat(trap.reward()).isEqualTo(-5);
        assertThat(trap.done()).isFalse();
        Step<Integer> hole = maze.step(DOWN);
        assertThat(hole.reward()).isEqualTo(-20);
        assertThat(hole.terminated()).isTrue();
        assertThat(hole.success()).isFalse();
    }

    @Test
    void truncatedAfterMaxSteps() {
        GridMaze maze = GridMaze.builder(SMALL).maxSteps(3).build();
        maze.reset(0);
        assertThat(maze.step(UP).done()).isFalse();
        assertThat(maze.step(UP).done()).isFalse();
        Step<Integer> last = maze.step(UP);
        assertThat(last.truncated()).isTrue();
        assertThat(last.terminated()).isFalse();
        assertThat(last.success()).isFalse();
    }

    @Test
    void badActionsAndStepBeforeReset() {
        GridMaze maze = GridMaze.of(SMALL);
        assertThatThrownBy(() -> maze.step(0)).hasMessageContaining("before reset");
        maze.reset(0);
        assertThatThrownBy(() -> maze.step(4)).hasMessageContaining("maze action 4 is outside Discrete(4)");
        assertThatThrownBy(() -> GridMaze.builder(SMALL).slip(1.0)).hasMessageContaining("[0, 1)");
    }

    @Test
    void slipperyMovesFollowFrozenLakeProbabilities() {
        // from the open centre of a 5x5 floor, "right" lands right / up / down with 1/3 each, never left
        MazeMap open = MazeMap.parse(".....\n.....\n..S..\n.....\n....G");
        GridMaze maze = GridMaze.builder(open).slippery().build();
        int[] counts = new int[open.cells()];
        int n = 30000;
        for (int i = 0; i < n; i++) {
            maze.reset(i);
            counts[maze.step(RIGHT).observation()]++;
        }
        assertThat((double) counts[open.index(2, 3)] / n).isCloseTo(1 / 3.0, within(0.015));
        assertThat((double) counts[open.index(1, 2)] / n).isCloseTo(1 / 3.0, within(0.015));
        assertThat((double) counts[open.index(3, 2)] / n).isCloseTo(1 / 3.0, within(0.015));
        assertThat(counts[open.index(2, 1)]).isZero();

        GridMaze rarely = GridMaze.builder(open).slip(0.1).build();
        int straight = 0;
        for (int i = 0; i < n; i++) {
            rarely.reset(i);
            straight += rarely.step(RIGHT).observation() == open.index(2, 3) ? 1 : 0;
        }
        assertThat((double) straight / n).isCloseTo(0.9, within(0.01));
    }

    @Test
    void sameSeedSameEpisode() {
        GridMaze a = GridMaze.builder(MazeMap.parse(MazeLayouts.FROZEN_LAKE_8X8)).slippery().build();
        GridMaze b = GridMaze.builder(MazeMap.parse(MazeLayouts.FROZEN_LAKE_8X8)).slippery().build();
        assertThat(walk(a, 5)).isEqualTo(walk(b, 5)).isNotEqualTo(walk(b, 6));
    }

    private static List<Integer> walk(GridMaze maze, long seed) {
        List<Integer> cells = new ArrayList<>();
        maze.reset(seed);
        for (int i = 0; i < 30; i++) {
            Step<Integer> s = maze.step(i % 2 == 0 ? RIGHT : DOWN);
            cells.add(s.observation());
            if (s.done()) {
                break;
            }
        }
        return cells;
    }

    @Test
    void rendersThePathWithArrows() {
        GridMaze maze = GridMaze.of(SMALL);
        maze.reset(0);
        maze.step(RIGHT);
        maze.step(DOWN);
        maze.step(DOWN);
        assertThat(maze.render()).isEqualTo("""
                SvT
                #vH
                .@G
                """);
        maze.step(RIGHT);
        assertThat(maze.render()).isEqualTo("""
                SvT
                #vH
                .>G
                """);
    }

    @Test
    void observationViews() {
        GridMaze maze = GridMaze.of(SMALL);
        Environment<float[], Integer> coords = MazeObservations.COORDINATES.wrap(maze);
        assertThat(coords.reset(0)).containsExactly(0f, 0f);
        assertThat(coords.step(RIGHT).observation()).containsExactly(0f, 1f);
        assertThat(coords.observationSpace()).isEqualTo(new Box(new float[] {0, 0}, new float[] {2, 2}));

        Environment<float[], Integer> oneHot = MazeObservations.ONE_HOT.wrap(maze);
        float[] first = oneHot.reset(0);
        assertThat(first).hasSize(9);
        assertThat(first[0]).isEqualTo(1f);
        float[] next = oneHot.step(RIGHT).observation();
        assertThat(next[1]).isEqualTo(1f);
        assertThat(oneHot.observationSpace().contains(next)).isTrue();

        Environment<float[], Integer> index = MazeObservations.INDEX.wrap(maze);
        index.reset(0);
        assertThat(index.step(RIGHT).observation()).containsExactly(1f);
    }
}
