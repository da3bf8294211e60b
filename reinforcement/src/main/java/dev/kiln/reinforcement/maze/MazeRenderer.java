package dev.kiln.reinforcement.maze;

import java.util.List;

/**
 * Draws a {@link MazeMap} as ASCII with an agent's path: each free cell the agent left shows the
 * arrow of its (last) move out of it, and {@code @} marks where the path ends unless that is a goal.
 */
public final class MazeRenderer {
    private MazeRenderer() {
    }

    public static String render(MazeMap map, List<Integer> path) {
        char[][] grid = new char[map.rows()][map.cols()];
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                grid[r][c] = map.tile(r, c).symbol();
            }
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            int from = path.get(i);
            int to = path.get(i + 1);
            if (from == to || !overwritable(map.tile(from))) {
                continue;
            }
            grid[map.row(from)][map.col(from)] = arrow(map, from, to);
        }
        if (!path.isEmpty()) {
            int last = path.getLast();
            if (map.tile(last) != Tile.GOAL) {
                grid[map.row(last)][map.col(last)] = '@';
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char[] row : grid) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    private static boolean overwritable(Tile t) {
        return t == Tile.FREE || t == Tile.TRAP;
    }

    private static char arrow(MazeMap map, int from, int to) {
        for (Move m : Move.values()) {
            if (map.neighbour(from, m) == to) {
                return m.arrow();
            }
        }
        return '*'; // not adjacent: a path given by the caller that jumps
    }
}
