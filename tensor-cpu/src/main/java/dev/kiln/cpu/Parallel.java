package dev.kiln.cpu;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon worker threads ({@code threads - 1} workers; the calling thread is the
 * last one). Work is handed out as numbered tasks that write disjoint outputs, so which thread runs
 * which task never changes a result: determinism comes from how callers split work, not from
 * scheduling. Calls made from inside a task run serially (no nested hand-off, no oversubscription).
 */
final class Parallel implements AutoCloseable {
    private static final ThreadLocal<Boolean> IN_TASK = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(() -> {
                IN_TASK.set(Boolean.TRUE);
                r.run();
            }, "kiln-cpu-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** How many tasks to cut {@code work} units into so each has at least {@code grain} units. */
    int tasksFor(long work, long grain) {
        if (threads == 1 || IN_TASK.get()) {
            return 1;
        }
        return (int) Math.max(1, Math.min(threads, work / Math.max(1, grain)));
    }

    /** Runs {@code body.accept(t)} for every {@code t} in {@code [0, tasks)} and waits for all of them. */
    void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || pool == null || IN_TASK.get()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        int helpers = Math.min(threads, tasks) - 1;
        CountDownLatch done = new CountDownLatch(helpers);
        Runnable drain = () -> {
            try {
                for (int t; (t = next.getAndIncrement()) < tasks && error.get() == null; ) {
                    body.accept(t);
                }
            } catch (Throwable e) {
                error.compareAndSet(null, e);
            }
        };
        for (int h = 0; h < helpers; h++) {
            pool.execute(() -> {
                try {
                    drain.run();
                } finally {
                    done.countDown();
                }
            });
        }
        IN_TASK.set(Boolean.TRUE);
        try {
            drain.run();
        } finally {
            IN_TASK.set(Boolean.FALSE);
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the tasks write into shared outputs: finish waiting, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = error.get();
        if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Start of chunk {@code t} when {@code n} items are cut into {@code tasks} near-equal chunks. */
    static int split(int n, int tasks, int t) {
        return (int) ((long) n * t / tasks);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
