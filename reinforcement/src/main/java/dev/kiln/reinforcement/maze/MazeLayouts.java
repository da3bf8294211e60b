package dev.kiln.reinforcement.maze;

/** Standard maps: Gymnasium's FrozenLake layouts, so results compare with published ones. */
public final class MazeLayouts {
    private MazeLayouts() {
    }

    /** FrozenLake-v1 "4x4". */
    public static final String FROZEN_LAKE_4X4 = """
            SFFF
            FHFH
            FFFH
            HFFG
            """;

    /** FrozenLake-v1 "8x8". */
    public static final String FROZEN_LAKE_8X8 = """
            SFFFFFFF
            FFFFFFFF
            FFFHFFFF
            FFFFFHFF
            FFFHFFFF
            FHHFFFHF
            FHFFHFHF
            FFFHFFFG
            """;

    /** An 8x8 maze with walls and several equally short routes (18 moves), used by the DQN example and tests. */
    public static final String MAZE_8X8 = """
            S.#.....
            .##.##.#
            ....#...
            #.#.#.#.
            ..#...#.
            .##.###.
            ...#....
            .#...#.G
            """;
}
