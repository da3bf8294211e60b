package dev.kiln.reinforcement.maze;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Breadth-first search over a {@link MazeMap} with deterministic moves: the ground truth a learned
 * greedy path is compared with. Walls and holes are impassable (a hole ends the episode); traps
 * are passable, since BFS counts steps, not reward.
 */
public final class ShortestPath {
    private ShortestPath() {
    }

    /** Steps from the start to every cell, or -1 where unreachable. */
    public static int[] distances(MazeMap map) {
        int[] dist = new int[map.cells()];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dist[map.start()] = 0;
        queue.add(map.start());
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            if (map.terminal(cell)) {
                continue; // the episode ends here; nothing lies beyond a goal or a hole
            }
            for (Move m : Move.values()) {
                int next = map.neighbour(cell, m);
                if (dist[next] < 0 && map.tile(next) != Tile.HOLE) {
                    dist[next] = dist[cell] + 1;
                    queue.add(next);
                }
            }
        }
        return dist;
    }

    /** The cells of a shortest path from the start to the nearest goal, both included; empty if none. */
    public static Optional<List<Integer>> path(MazeMap map) {
        int[] dist = distances(map);
        int best = -1;
        for (int g : map.goals()) {
            if (dist[g] >= 0 && (best < 0 || dist[g] < dist[best])) {
                best = g;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        List<Integer> path = new ArrayList<>();
        int cell = best;
        path.add(cell);
        while (cell != map.start()) {
            int prev = -1;
            for (Move m : Move.values()) {
                // walk back through any neighbour one step closer to the start that can step here
                int n = map.neighbour(cell, m);
                if (n != cell && dist[n] == dist[cell] - 1 && !map.terminal(n) && map.neighbour(n, opposite(m)) == cell) {
                    prev = n;
                    break;
                }
            }
            cell = prev;
            path.add(cell);
        }
        Collections.reverse(path);
        return Optional.of(path);
    }

    /** Number of moves on a shortest path to the nearest goal, or -1 if no goal is reachable. */
    public static int length(MazeMap map) {
        return path(map).map(p -> p.size() - 1).orElse(-1);
    }

    private static Move opposite(Move m) {
        return m.turn(2);
    }
}
