package dev.kiln.unsupervised;

/**
 * A k-d tree for radius queries in low dimensions: nodes split at the median of their widest
 * dimension, each keeps its bounding box, and a query visits only nodes whose box comes within
 * {@code eps}. Built in O(n log n); stored as flat arrays (no node objects).
 */
final class KdTree implements NeighbourSearch {
    private static final int LEAF_SIZE = 16;

    private final float[] x;
    private final int d;
    private final double eps2;
    private final int[] index;
    // per node: [start, end) into index, children (-1 for leaves), bounding box
    private int[] start;
    private int[] end;
    private int[] left;
    private int[] right;
    private float[] boxMin;
    private float[] boxMax;
    private int nodes;

    KdTree(Points points, double eps) {
        this.x = points.data();
        this.d = points.cols();
        this.eps2 = eps * eps;
        int n = points.rows();
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        // leaves hold at least LEAF_SIZE / 2 points, so there are at most 4n / LEAF_SIZE nodes
        int capacity = 4 * (n / LEAF_SIZE) + 8;
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        boxMin = new float[capacity * d];
        boxMax = new float[capacity * d];
        build(0, n);
    }

    private int build(int from, int to) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        left[node] = -1;
        right[node] = -1;
        int widest = 0;
        float widestSpan = -1;
        for (int j = 0; j < d; j++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int p = from; p < to; p++) {
                float v = x[index[p] * d + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            boxMin[node * d + j] = lo;
            boxMax[node * d + j] = hi;
            if (hi - lo > widestSpan) {
                widestSpan = hi - lo;
                widest = j;
            }
        }
        if (to - from > LEAF_SIZE && widestSpan > 0) {
            int mid = (from + to) >>> 1;
            select(from, to - 1, mid, widest);
            int l = build(from, mid);
            int r = build(mid, to);
            left[node] = l;
            right[node] = r;
        }
        return node;
    }

    /** Quickselect: puts the element of rank {@code k} (by coordinate {@code dim}) at position k. */
    private void select(int lo, int hi, int k, int dim) {
        while (lo < hi) {
            float pivot = x[index[(lo + hi) >>> 1] * d + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (x[index[i] * d + dim] < pivot) {
                    i++;
                }
                while (x[index[j] * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    @Override
    public int[][] neighbours(int[] queries) {
        int[][] out = new int[queries.length][];
        int[] stack = new int[64 + 2 * nodes];
        for (int q = 0; q < queries.length; q++) {
            out[q] = query(queries[q] * d, stack);
        }
        return out;
    }

    private int[] query(int qo, int[] stack) {
        IntList found = new IntList();
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (boxDistance(node, qo) > eps2) {
                continue;
            }
            if (left[node] < 0) {
                for (int p = start[node]; p < end[node]; p++) {
                    int po = index[p] * d;
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double e = (double) x[qo + j] - x[po + j];
                        s += e * e;
                    }
                    if (s <= eps2) {
                        found.add(index[p]);
                    }
                }
            } else {
                stack[top++] = left[node];
                stack[top++] = right[node];
            }
        }
        return found.toArray();
    }

    /** Squared distance from the query to the node's bounding box (0 inside it). */
    private double boxDistance(int node, int qo) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = x[qo + j];
            double lo = boxMin[node * d + j];
            double hi = boxMax[node * d + j];
            double e = v < lo ? lo - v : (v > hi ? v - hi : 0);
            s += e * e;
        }
        return s;
    }
}
