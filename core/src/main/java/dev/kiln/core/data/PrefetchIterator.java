package dev.kiln.core.data;

import dev.kiln.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One pass of a prefetching {@link DataLoader}: a daemon thread gathers up to two batches ahead
 * into plain arrays; {@link #next()} wraps them into tensors on the caller's thread, so backends
 * never see a second thread.
 */
final class PrefetchIterator implements Iterator<Batch>, AutoCloseable {
    private static final int AHEAD = 2;

    private record Host(float[] features, float[] targets, int rows) {
    }

    private final Dataset dataset;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final int batches;
    private final Thread producer;
    private volatile boolean closed;
    private int next;

    PrefetchIterator(Dataset dataset, HostGather gather, int[] order, int batches, int batchSize) {
        this.dataset = dataset;
        this.batches = batches;
        int featureSize = dev.kiln.core.tensor.Shape.numel(dataset.featureShape());
        int targetSize = dev.kiln.core.tensor.Shape.numel(dataset.targetShape());
        this.producer = Thread.ofPlatform().daemon().name("kiln-prefetch").start(() -> {
            try {
                for (int b = 0; b < batches && !closed; b++) {
                    int[] idx = Arrays.copyOfRange(order, b * batchSize, Math.min((b + 1) * batchSize, order.length));
                    float[] x = new float[idx.length * featureSize];
                    float[] y = new float[idx.length * targetSize];
                    gather.gather(idx, x, y);
                    if (!put(new Host(x, y, idx.length))) {
                        return;
                    }
                }
            } catch (RuntimeException | Error e) {
                put(e);
            }
        });
    }

    /** Blocks until there is room; false when the pass was closed meanwhile. */
    private boolean put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        return next < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        next++;
        Host h = (Host) item;
        return new Batch(Tensor.fromArray(h.features(), Rows.shape(h.rows(), dataset.featureShape())),
                Tensor.fromArray(h.targets(), Rows.shape(h.rows(), dataset.targetShape())));
    }

    /** Stops the background thread (a pass abandoned early, e.g. by a diverged loss). */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
    }
}
