package dev.kiln.core.data;

/** Selected rows of another dataset (no copy). */
final class SubsetDataset implements Dataset {
    private final Dataset base;
    private final int[] rows;

    SubsetDataset(Dataset base, int[] rows) {
        for (int r : rows) {
            Dataset.checkIndex(base, r);
        }
        this.base = base;
        this.rows = rows.clone();
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public int[] featureShape() {
        return base.featureShape();
    }

    @Override
    public int[] targetShape() {
        return base.targetShape();
    }

    @Override
    public Batch batch(int[] indices) {
        int[] mapped = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            Dataset.checkIndex(this, indices[i]);
            mapped[i] = rows[indices[i]];
        }
        return base.batch(mapped);
    }
}
