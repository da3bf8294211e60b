package dev.kiln.reinforcement.maze;

/**
 * Rewards of a {@link GridMaze}: entering the goal, a hole or a trap earns that tile's reward;
 * every other move earns {@code step} (a negative step cost pushes agents to short paths even
 * without discounting). The defaults are FrozenLake's: 1 at the goal, 0 everywhere else.
 */
public record MazeRewards(double goal, double step, double trap, double hole) {
    public static final MazeRewards FROZEN_LAKE = new MazeRewards(1.0, 0.0, 0.0, 0.0);

    public MazeRewards {
        check("goal", goal);
        check("step", step);
        check("trap", trap);
        check("hole", hole);
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("maze rewards: " + name + " reward must be finite, got " + v);
        }
    }

    public MazeRewards withGoal(double v) {
        return new MazeRewards(v, step, trap, hole);
    }

    public MazeRewards withStep(double v) {
        return new MazeRewards(goal, v, trap, hole);
    }

    public MazeRewards withTrap(double v) {
        return new MazeRewards(goal, step, v, hole);
    }

    public MazeRewards withHole(double v) {
        return new MazeRewards(goal, step, trap, v);
    }

    /** Reward for entering a cell with tile {@code t}. */
    public double forEntering(Tile t) {
        return switch (t) {
            case GOAL -> goal;
            case HOLE -> hole;
            case TRAP -> trap;
            default -> step;
        };
    }
}
