package dev.kiln.reinforcement.train;

import dev.kiln.reinforcement.maze.GridMaze;
import dev.kiln.reinforcement.maze.MazeMap;
import dev.kiln.reinforcement.maze.Move;
import dev.kiln.reinforcement.maze.Tile;
import java.util.function.IntUnaryOperator;

/**
 * Exact probability of reaching a goal within the maze's step limit, by dynamic programming over
 * (cell, steps left) with the maze's slip model: the ground truth for slippery mazes.
 */
final class SuccessProbability {
    private SuccessProbability() {
    }

    /** Success probability of a fixed policy (cell -> action) from the start. */
    static double of(GridMaze maze, IntUnaryOperator policy) {
        return solve(maze, policy);
    }

    /** Success probability of the best policy from the start. */
    static double optimal(GridMaze maze) {
        return solve(maze, null);
    }

    private static double solve(GridMaze maze, IntUnaryOperator policy) {
        MazeMap map = maze.map();
        double[] v = new double[map.cells()]; // 0 steps left: success only on a goal, already counted on entry
        for (int k = 1; k <= maze.maxSteps(); k++) {
            double[] next = new double[map.cells()];
            for (int cell = 0; cell < map.cells(); cell++) {
                if (map.tile(cell) == Tile.WALL || map.terminal(cell)) {
                    continue;
                }
                double best = 0;
                for (int a = 0; a < 4; a++) {
                    if (policy != null && policy.applyAsInt(cell) != a) {
                        continue;
                    }
                    Move m = Move.of(a);
                    double p = (1 - maze.slip()) * value(map, v, map.neighbour(cell, m))
                            + maze.slip() / 2 * value(map, v, map.neighbour(cell, m.turn(-1)))
                            + maze.slip() / 2 * value(map, v, map.neighbour(cell, m.turn(1)));
                    best = Math.max(best, p);
                }
                next[cell] = best;
            }
            v = next;
        }
        return v[map.start()];
    }

    private static double value(MazeMap map, double[] v, int cell) {
        Tile t = map.tile(cell);
        return t == Tile.GOAL ? 1 : t == Tile.HOLE ? 0 : v[cell];
    }
}
