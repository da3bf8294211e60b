package dev.kiln.reinforcement.maze;

import dev.kiln.reinforcement.env.Box;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.env.ObservationWrapper;

/**
 * The ways a {@link GridMaze} can show its state. Tabular agents use the cell index itself;
 * networks need a vector: the index as one float, (row, col), or a one-hot vector over cells.
 */
public enum MazeObservations {
    /** {@code [index]}, in {@code [0, cells)}. */
    INDEX,
    /** {@code [row, col]}. */
    COORDINATES,
    /** {@code cells} floats, 1 at the agent's cell. */
    ONE_HOT;

    /** {@code maze} with observations as float vectors of this kind. */
    public Environment<float[], Integer> wrap(GridMaze maze) {
        MazeMap map = maze.map();
        return switch (this) {
            case INDEX -> new ObservationWrapper<>(maze, new Box(new float[] {0}, new float[] {map.cells() - 1}),
                    cell -> new float[] {cell});
            case COORDINATES -> new ObservationWrapper<>(maze,
                    new Box(new float[] {0, 0}, new float[] {map.rows() - 1, map.cols() - 1}),
                    cell -> new float[] {map.row(cell), map.col(cell)});
            case ONE_HOT -> new ObservationWrapper<>(maze, Box.uniform(map.cells(), 0, 1), cell -> {
                float[] v = new float[map.cells()];
                v[cell] = 1;
                return v;
            });
        };
    }
}
