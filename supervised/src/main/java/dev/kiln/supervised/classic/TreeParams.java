package dev.kiln.supervised.classic;

/**
 * The growth limits shared by every tree and forest: maximum depth (unlimited by default), the
 * fewest rows a node needs to be split (2) and the fewest rows a leaf may hold (1) — scikit-learn's
 * defaults.
 */
public record TreeParams(int maxDepth, int minSamplesSplit, int minSamplesLeaf) {
    public static final TreeParams DEFAULT = new TreeParams(Integer.MAX_VALUE, 2, 1);

    public TreeParams {
        Rows.atLeast(maxDepth, 1, "maxDepth");
        Rows.atLeast(minSamplesSplit, 2, "minSamplesSplit");
        Rows.atLeast(minSamplesLeaf, 1, "minSamplesLeaf");
    }

    public TreeParams withMaxDepth(int depth) {
        return new TreeParams(depth, minSamplesSplit, minSamplesLeaf);
    }

    public TreeParams withMinSamplesSplit(int n) {
        return new TreeParams(maxDepth, n, minSamplesLeaf);
    }

    public TreeParams withMinSamplesLeaf(int n) {
        return new TreeParams(maxDepth, minSamplesSplit, n);
    }
}
