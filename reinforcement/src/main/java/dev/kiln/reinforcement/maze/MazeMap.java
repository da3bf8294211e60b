package dev.kiln.reinforcement.maze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable, validated grid of {@link Tile}s with one start and at least one goal reachable from
 * it. Cells are numbered row-major, {@code index = row * cols + col} (as FrozenLake numbers its
 * states). Moving off the edge leaves the agent in place, so maps need no border walls.
 *
 * <p>ASCII maps use {@code # . S G H T} (and {@code F} for free, as in FrozenLake); rows are lines.
 * Errors name the row and column (both counted from 0).
 */
public final class MazeMap {
    private final Tile[][] tiles;
    private final int rows;
    private final int cols;
    private final int start;
    private final int[] goals;

    private MazeMap(Tile[][] tiles) {
        this.tiles = tiles;
        this.rows = tiles.length;
        this.cols = tiles[0].length;
        int s = -1;
        List<Integer> g = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (tiles[r][c] == Tile.START) {
                    if (s >= 0) {
                        throw new IllegalArgumentException("maze map: second start 'S' at row " + r + ", column " + c
                                + " (the first is at row " + s / cols + ", column " + s % cols + ")");
                    }
                    s = r * cols + c;
                } else if (tiles[r][c] == Tile.GOAL) {
                    g.add(r * cols + c);
                }
            }
        }
        if (s < 0) {
            throw new IllegalArgumentException("maze map: no start 'S' in the " + rows + "x" + cols + " map");
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException("maze map: no goal 'G' in the " + rows + "x" + cols + " map");
        }
        this.start = s;
        this.goals = g.stream().mapToInt(Integer::intValue).toArray();
        int[] dist = ShortestPath.distances(this);
        if (Arrays.stream(goals).allMatch(goal -> dist[goal] < 0)) {
            int goal = goals[0];
            throw new IllegalArgumentException("maze map: goal at row " + goal / cols + ", column " + goal % cols
                    + " is unreachable from the start at row " + start / cols + ", column " + start % cols
                    + " (walls or holes cut it off)");
        }
    }

    /** Parses an ASCII map: one line per row; blank leading/trailing lines are ignored. */
    public static MazeMap parse(String ascii) {
        if (ascii == null) { // a map read from a missing resource arrives as null: say so, not a bare NPE
            throw new IllegalArgumentException("maze map: the map text is null (was the map file or resource found?)");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(ascii.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.getFirst().isBlank()) {
            lines.removeFirst();
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        return parse(lines);
    }

    /** Parses rows of map characters; all rows must have the same length. */
    public static MazeMap parse(List<String> rowStrings) {
        if (rowStrings == null) {
            throw new IllegalArgumentException("maze map: the list of rows is null");
        }
        if (rowStrings.isEmpty()) {
            throw new IllegalArgumentException("maze map: no rows");
        }
        if (rowStrings.getFirst() == null) {
            throw new IllegalArgumentException("maze map: row 0 is null");
        }
        int cols = rowStrings.getFirst().length();
        if (cols == 0) {
            throw new IllegalArgumentException("maze map: row 0 is empty");
        }
        Tile[][] tiles = new Tile[rowStrings.size()][];
        for (int r = 0; r < tiles.length; r++) {
            String line = rowStrings.get(r);
            if (line == null) {
                throw new IllegalArgumentException("maze map: row " + r + " is null");
            }
            if (line.length() != cols) {
                throw new IllegalArgumentException("maze map: ragged rows: row " + r + " has " + line.length()
                        + " columns but row 0 has " + cols + " (first difference at column " + Math.min(line.length(), cols) + ")");
            }
            tiles[r] = new Tile[cols];
            for (int c = 0; c < cols; c++) {
                Tile t = Tile.of(line.charAt(c));
                if (t == null) {
                    throw new IllegalArgumentException("maze map: unknown character '" + line.charAt(c) + "' at row " + r
                            + ", column " + c + " (expected one of # . F S G H T)");
                }
                tiles[r][c] = t;
            }
        }
        return new MazeMap(tiles);
    }

    /** A map from tiles (copied); validated like a parsed map. */
    public static MazeMap of(Tile[][] tiles) {
        if (tiles == null) {
            throw new IllegalArgumentException("maze map: the tile grid is null");
        }
        if (tiles.length == 0 || tiles[0].length == 0) {
            throw new IllegalArgumentException("maze map: empty tile grid");
        }
        Tile[][] copy = new Tile[tiles.length][];
        for (int r = 0; r < tiles.length; r++) {
            if (tiles[r].length != tiles[0].length) {
                throw new IllegalArgumentException("maze map: ragged rows: row " + r + " has " + tiles[r].length
                        + " columns but row 0 has " + tiles[0].length);
            }
            copy[r] = tiles[r].clone();
            for (int c = 0; c < copy[r].length; c++) {
                if (copy[r][c] == null) {
                    throw new IllegalArgumentException("maze map: missing tile at row " + r + ", column " + c);
                }
            }
        }
        return new MazeMap(copy);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of cells, {@code rows * cols}: the size of the index observation space. */
    public int cells() {
        return rows * cols;
    }

    public Tile tile(int row, int col) {
        return tiles[row][col];
    }

    public Tile tile(int cell) {
        return tiles[cell / cols][cell % cols];
    }

    public int index(int row, int col) {
        return row * cols + col;
    }

    public int row(int cell) {
        return cell / cols;
    }

    public int col(int cell) {
        return cell % cols;
    }

    public int start() {
        return start;
    }

    public int[] goals() {
        return goals.clone();
    }

    /** The cell reached by {@code move} from {@code cell}; the same cell when blocked by a wall or the edge. */
    public int neighbour(int cell, Move move) {
        int r = cell / cols + move.dRow();
        int c = cell % cols + move.dCol();
        if (r < 0 || r >= rows || c < 0 || c >= cols || tiles[r][c] == Tile.WALL) {
            return cell;
        }
        return r * cols + c;
    }

    /** Whether an episode ends on entering {@code cell} (goal or hole). */
    public boolean terminal(int cell) {
        Tile t = tile(cell);
        return t == Tile.GOAL || t == Tile.HOLE;
    }

    /** The map as ASCII, one line per row, in the characters {@link #parse} reads. */
    public String toAscii() {
        StringBuilder sb = new StringBuilder(rows * (cols + 1));
        for (Tile[] row : tiles) {
            for (Tile t : row) {
                sb.append(t.symbol());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MazeMap(" + rows + "x" + cols + ")";
    }
}
