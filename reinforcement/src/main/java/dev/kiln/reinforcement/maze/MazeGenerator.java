package dev.kiln.reinforcement.maze;

import dev.kiln.core.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded perfect mazes (exactly one path between any two cells) by randomized depth-first search
 * (long winding corridors) or randomized Prim (many short dead ends). A maze of {@code rows x cols}
 * cells becomes a {@code (2 rows + 1) x (2 cols + 1)} tile grid: cells at odd (row, col), walls
 * between them. The start is the top-left cell, the goal the bottom-right one. Extra openings
 * knock out random inner walls afterwards, so the maze has loops and more than one route.
 */
public final class MazeGenerator {
    public enum Algorithm { DFS, PRIM }

    private static final int[][] DIRS = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};

    private MazeGenerator() {
    }

    public static MazeMap generate(Algorithm algorithm, int rows, int cols, long seed) {
        return generate(algorithm, rows, cols, 0, seed);
    }

    /** A maze of {@code rows x cols} cells with {@code extraOpenings} inner walls removed. */
    public static MazeMap generate(Algorithm algorithm, int rows, int cols, int extraOpenings, long seed) {
        if (rows < 1 || cols < 1 || rows * cols < 2) {
            throw new IllegalArgumentException("maze generator: need at least 2 cells, got " + rows + "x" + cols);
        }
        if (extraOpenings < 0) {
            throw new IllegalArgumentException("maze generator: extraOpenings must be >= 0, got " + extraOpenings);
        }
        Tile[][] t = new Tile[2 * rows + 1][2 * cols + 1];
        for (Tile[] row : t) {
            java.util.Arrays.fill(row, Tile.WALL);
        }
        Rng rng = new Rng(seed);
        switch (algorithm) {
            case DFS -> depthFirst(t, rows, cols, rng);
            case PRIM -> prim(t, rows, cols, rng);
        }
        openExtra(t, rows, cols, extraOpenings, rng);
        t[1][1] = Tile.START;
        t[2 * rows - 1][2 * cols - 1] = Tile.GOAL;
        return MazeMap.of(t);
    }

    private static void depthFirst(Tile[][] t, int rows, int cols, Rng rng) {
        boolean[][] seen = new boolean[rows][cols];
        int[] stack = new int[rows * cols];
        int top = 0;
        stack[top++] = 0;
        seen[0][0] = true;
        carve(t, 0, 0);
        while (top > 0) {
            int cur = stack[top - 1];
            int r = cur / cols;
            int c = cur % cols;
            int[] options = new int[4];
            int n = 0;
            for (int d = 0; d < 4; d++) {
                int nr = r + DIRS[d][0];
                int nc = c + DIRS[d][1];
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && !seen[nr][nc]) {
                    options[n++] = d;
                }
            }
            if (n == 0) {
                top--;
                continue;
            }
            int d = options[rng.nextInt(n)];
            int nr = r + DIRS[d][0];
            int nc = c + DIRS[d][1];
            seen[nr][nc] = true;
            t[2 * r + 1 + DIRS[d][0]][2 * c + 1 + DIRS[d][1]] = Tile.FREE;
            carve(t, nr, nc);
            stack[top++] = nr * cols + nc;
        }
    }

    /** Randomized Prim: grow the maze from a random cell by opening a random wall on its frontier. */
    private static void prim(Tile[][] t, int rows, int cols, Rng rng) {
        boolean[][] in = new boolean[rows][cols];
        List<int[]> frontier = new ArrayList<>(); // {cell row, cell col, direction into the new cell}
        int r0 = rng.nextInt(rows);
        int c0 = rng.nextInt(cols);
        addCell(t, in, frontier, rows, cols, r0, c0);
        while (!frontier.isEmpty()) {
            int i = rng.nextInt(frontier.size());
            int[] w = frontier.get(i);
            frontier.set(i, frontier.getLast()); // O(1) removal; order does not matter
            frontier.removeLast();
            int nr = w[0] + DIRS[w[2]][0];
            int nc = w[1] + DIRS[w[2]][1];
            if (in[nr][nc]) {
                continue;
            }
            t[2 * w[0] + 1 + DIRS[w[2]][0]][2 * w[1] + 1 + DIRS[w[2]][1]] = Tile.FREE;
            addCell(t, in, frontier, rows, cols, nr, nc);
        }
    }

    private static void addCell(Tile[][] t, boolean[][] in, List<int[]> frontier, int rows, int cols, int r, int c) {
        in[r][c] = true;
        carve(t, r, c);
        for (int d = 0; d < 4; d++) {
            int nr = r + DIRS[d][0];
            int nc = c + DIRS[d][1];
            if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && !in[nr][nc]) {
                frontier.add(new int[] {r, c, d});
            }
        }
    }

    private static void carve(Tile[][] t, int r, int c) {
        t[2 * r + 1][2 * c + 1] = Tile.FREE;
    }

    private static void openExtra(Tile[][] t, int rows, int cols, int count, Rng rng) {
        List<int[]> walls = new ArrayList<>();
        for (int r = 1; r < 2 * rows; r++) {
            for (int c = 1; c < 2 * cols; c++) {
                // a wall between two cells: exactly one coordinate even
                if (((r + c) & 1) == 1 && t[r][c] == Tile.WALL) {
                    walls.add(new int[] {r, c});
                }
            }
        }
        if (count > walls.size()) {
            throw new IllegalArgumentException("maze generator: asked for " + count + " extra openings but the "
                    + rows + "x" + cols + " maze has only " + walls.size() + " inner walls");
        }
        int[] order = rng.permutation(walls.size());
        for (int i = 0; i < count; i++) {
            int[] w = walls.get(order[i]);
            t[w[0]][w[1]] = Tile.FREE;
        }
    }
}
