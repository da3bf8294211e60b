package dev.kiln.reinforcement.maze;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.env.Discrete;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.env.Space;
import dev.kiln.reinforcement.env.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A grid maze environment: observations are cell indices ({@code row * cols + col}, see
 * {@link MazeObservations} for (row, col) and one-hot views), actions the four {@link Move}s.
 * An episode ends ({@code terminated}) on a goal (success) or a hole, and is {@code truncated}
 * after {@code maxSteps} moves. On a slippery floor a move goes sideways with probability
 * {@code slip} (half to each side), as in FrozenLake where {@code slip = 2/3}.
 */
public final class GridMaze implements Environment<Integer, Integer> {
    private final MazeMap map;
    private final MazeRewards rewards;
    private final int maxSteps;
    private final double slip;
    private final Discrete observationSpace;
    private final Discrete actionSpace = new Discrete(4);
    private final List<Integer> path = new ArrayList<>();
    private Rng rng = new Rng(0);
    private int cell = -1;
    private int steps;
    private boolean done = true;

    private GridMaze(Builder b) {
        this.map = b.map;
        this.rewards = b.rewards;
        this.maxSteps = b.maxSteps > 0 ? b.maxSteps : 4 * map.cells();
        this.slip = b.slip;
        this.observationSpace = new Discrete(map.cells());
    }

    public static Builder builder(MazeMap map) {
        return new Builder(map);
    }

    /** A deterministic maze with FrozenLake rewards and the default step limit. */
    public static GridMaze of(MazeMap map) {
        return builder(map).build();
    }

    public MazeMap map() {
        return map;
    }

    public MazeRewards rewards() {
        return rewards;
    }

    public int maxSteps() {
        return maxSteps;
    }

    public double slip() {
        return slip;
    }

    public boolean slippery() {
        return slip > 0;
    }

    @Override
    public Space<Integer> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed) {
        rng = new Rng(seed);
        return reset();
    }

    @Override
    public Integer reset() {
        cell = map.start();
        steps = 0;
        done = false;
        path.clear();
        path.add(cell);
        return cell;
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (done) {
            throw new IllegalStateException(cell < 0 ? "GridMaze.step before reset" : "GridMaze.step after the episode ended; call reset");
        }
        Move move = Move.of(actionSpace.check("maze action", action));
        if (slip > 0) {
            // always draw, so the random stream does not depend on which move was chosen
            double u = rng.nextDouble();
            if (u < slip) {
                move = move.turn(u < slip / 2 ? -1 : 1);
            }
        }
        cell = map.neighbour(cell, move);
        steps++;
        path.add(cell);
        Tile tile = map.tile(cell);
        boolean terminated = map.terminal(cell);
        boolean truncated = !terminated && steps >= maxSteps;
        done = terminated || truncated;
        return new Step<>(cell, rewards.forEntering(tile), terminated, truncated,
                Map.of(Step.SUCCESS, tile == Tile.GOAL, "steps", steps));
    }

    /** The current cell, or -1 before the first reset. */
    public int cell() {
        return cell;
    }

    /** Cells visited in the current episode, the start first. */
    public List<Integer> path() {
        return List.copyOf(path);
    }

    /** The map with the current episode's path drawn on it. */
    @Override
    public String render() {
        return MazeRenderer.render(map, path);
    }

    @Override
    public String toString() {
        return "GridMaze(" + map.rows() + "x" + map.cols() + (slip > 0 ? ", slip " + slip : "") + ", maxSteps " + maxSteps + ")";
    }

    /** Rewards, step limit and slipperiness of a maze. */
    public static final class Builder {
        private final MazeMap map;
        private MazeRewards rewards = MazeRewards.FROZEN_LAKE;
        private int maxSteps;
        private double slip;

        private Builder(MazeMap map) {
            this.map = Objects.requireNonNull(map, "map");
        }

        public Builder rewards(MazeRewards rewards) {
            this.rewards = Objects.requireNonNull(rewards, "rewards");
            return this;
        }

        /** Moves after which an episode is truncated; default {@code 4 * cells}. */
        public Builder maxSteps(int maxSteps) {
            if (maxSteps <= 0) {
                throw new IllegalArgumentException("GridMaze: maxSteps must be positive, got " + maxSteps);
            }
            this.maxSteps = maxSteps;
            return this;
        }

        /** Probability that a move goes sideways instead (0: deterministic). */
        public Builder slip(double probability) {
            if (!(probability >= 0 && probability < 1)) {
                throw new IllegalArgumentException("GridMaze: slip probability must be in [0, 1), got " + probability);
            }
            this.slip = probability;
            return this;
        }

        /** FrozenLake's slippery ice: the intended move and each perpendicular one with probability 1/3. */
        public Builder slippery() {
            return slip(2.0 / 3.0);
        }

        public GridMaze build() {
            return new GridMaze(this);
        }
    }
}
