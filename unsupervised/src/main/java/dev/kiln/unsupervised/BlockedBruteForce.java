package dev.kiln.unsupervised;

/**
 * Exact radius search by scanning every point, tiled: a block of queries is compared with one tile
 * of points at a time so the tile stays in cache while all queries of the block use it. O(n·d) work
 * per query, O(1) extra memory per pair; distances accumulate in double so points on the radius
 * are classified exactly as the k-d tree classifies them.
 */
final class BlockedBruteForce implements NeighbourSearch {
    private static final int TILE = 256;

    private final float[] x;
    private final int n;
    private final int d;
    private final double eps2;

    BlockedBruteForce(Points points, double eps) {
        this.x = points.data();
        this.n = points.rows();
        this.d = points.cols();
        this.eps2 = eps * eps;
    }

    @Override
    public int[][] neighbours(int[] queries) {
        IntList[] lists = new IntList[queries.length];
        for (int q = 0; q < queries.length; q++) {
            lists[q] = new IntList();
        }
        for (int tile = 0; tile < n; tile += TILE) {
            int end = Math.min(n, tile + TILE);
            for (int q = 0; q < queries.length; q++) {
                int qo = queries[q] * d;
                for (int p = tile; p < end; p++) {
                    int po = p * d;
                    double s = 0;
                    for (int j = 0; j < d && s <= eps2; j++) {
                        double e = (double) x[qo + j] - x[po + j];
                        s += e * e;
                    }
                    if (s <= eps2) {
                        lists[q].add(p);
                    }
                }
            }
        }
        int[][] out = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            out[q] = lists[q].toArray();
        }
        return out;
    }
}
