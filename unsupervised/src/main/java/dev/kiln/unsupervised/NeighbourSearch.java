package dev.kiln.unsupervised;

/**
 * Fixed-radius neighbour queries over one point set, answered for a block of query points at a time
 * so an implementation can tile its work; memory stays O(n + neighbours of one block), never an
 * n x n matrix. A point is its own neighbour; "within" means squared distance {@code <= eps²}.
 */
interface NeighbourSearch {
    /** Neighbour lists (point indices, any order) of each point in {@code queries}. */
    int[][] neighbours(int[] queries);

    /** A growable int list (avoids boxing in the hot loops). */
    final class IntList {
        private int[] v = new int[16];
        private int size;

        void add(int x) {
            if (size == v.length) {
                v = java.util.Arrays.copyOf(v, size * 2);
            }
            v[size++] = x;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(v, size);
        }
    }
}
