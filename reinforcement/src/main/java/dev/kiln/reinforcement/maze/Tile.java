package dev.kiln.reinforcement.maze;

/** One cell of a {@link MazeMap}, with the character that stands for it in ASCII maps. */
public enum Tile {
    /** Impassable; moving into it leaves the agent where it is. */
    WALL('#'),
    FREE('.'),
    START('S'),
    /** Reaching it ends the episode in success. */
    GOAL('G'),
    /** Falling in ends the episode in failure (FrozenLake's H). */
    HOLE('H'),
    /** Entering it costs the trap reward; the episode goes on. */
    TRAP('T');

    private final char symbol;

    Tile(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }

    public boolean passable() {
        return this != WALL;
    }

    /** The tile for a map character; 'F' (FrozenLake's frozen surface) is also free. Null if unknown. */
    static Tile of(char c) {
        return switch (c) {
            case '#' -> WALL;
            case '.', 'F' -> FREE;
            case 'S' -> START;
            case 'G' -> GOAL;
            case 'H' -> HOLE;
            case 'T' -> TRAP;
            default -> null;
        };
    }
}
