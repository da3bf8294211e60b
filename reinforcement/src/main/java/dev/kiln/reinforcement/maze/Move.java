package dev.kiln.reinforcement.maze;

/**
 * The four moves, numbered as in Gymnasium's FrozenLake (0 left, 1 down, 2 right, 3 up), so that
 * {@code (a + 1) % 4} and {@code (a + 3) % 4} are the two perpendicular moves a slippery floor
 * may turn {@code a} into.
 */
public enum Move {
    LEFT(0, -1, '<'),
    DOWN(1, 0, 'v'),
    RIGHT(0, 1, '>'),
    UP(-1, 0, '^');

    private final int dRow;
    private final int dCol;
    private final char arrow;

    Move(int dRow, int dCol, char arrow) {
        this.dRow = dRow;
        this.dCol = dCol;
        this.arrow = arrow;
    }

    public int dRow() {
        return dRow;
    }

    public int dCol() {
        return dCol;
    }

    public char arrow() {
        return arrow;
    }

    public static Move of(int action) {
        if (action < 0 || action >= 4) {
            throw new IllegalArgumentException("maze action " + action + " is not one of 0 left, 1 down, 2 right, 3 up");
        }
        return values()[action];
    }

    /** The move turned 90 degrees: {@code +1} clockwise in action numbering, {@code -1} the other way. */
    public Move turn(int quarter) {
        return values()[Math.floorMod(ordinal() + quarter, 4)];
    }
}
