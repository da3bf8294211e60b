package dev.kiln.core.data;

import dev.kiln.core.tensor.Rng;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Batches over a dataset, one pass per {@link #iterator()}. With shuffling, each pass draws a fresh
 * permutation from the given {@link Rng}, so the order depends only on the seed and the stream's
 * position (a checkpoint saves {@link Rng#offset()} and a resumed run sees the same batches).
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private final Rng shuffle;
    private final boolean dropLast;

    private DataLoader(Dataset dataset, int batchSize, Rng shuffle, boolean dropLast) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("data loader: batch size must be positive, got " + batchSize);
        }
        if (dropLast && dataset.size() < batchSize) {
            throw new IllegalArgumentException("data loader: dropping the last partial batch of a dataset of "
                    + dataset.size() + " rows with batch size " + batchSize + " leaves no batches");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
    }

    /** Rows in order (evaluation). */
    public static DataLoader sequential(Dataset dataset, int batchSize) {
        return new DataLoader(dataset, batchSize, null, false);
    }

    /** A fresh permutation from {@code rng} on every pass (training). */
    public static DataLoader shuffled(Dataset dataset, int batchSize, Rng rng) {
        return new DataLoader(dataset, batchSize, rng, false);
    }

    /** This loader, but dropping a last batch smaller than the batch size. */
    public DataLoader dropLast() {
        return new DataLoader(dataset, batchSize, shuffle, true);
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The row order of the next pass (advances the shuffle stream when shuffling). */
    public int[] nextOrder() {
        if (shuffle != null) {
            return shuffle.permutation(dataset.size());
        }
        int[] order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] order = nextOrder();
        int batches = numBatches();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, order.length);
                next++;
                return dataset.batch(java.util.Arrays.copyOfRange(order, from, to));
            }
        };
    }
}
