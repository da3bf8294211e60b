package dev.kiln.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of daemon worker threads ({@code threads - 1} workers; the calling thread is the
 * last one). Work is handed out as numbered tasks that write disjoint outputs, so which thread runs
 * which task never changes a result: determinism comes from how callers split work, not from
 * scheduling. Calls made from inside a task run serially (no nested hand-off, no oversubscription).
 *
 * <p>Why not an {@code ExecutorService}: a training step makes hundreds of parallel calls of a few
 * microseconds each, and waking a parked pool thread through a queue costs about as much as the
 * work. Workers here spin for a short while after each job ({@link #SPIN_NANOS}) so back-to-back
 * calls find them awake, then park; the caller spins on the completion count the same way. One job
 * runs at a time: a second thread calling in while a job is out runs its tasks itself.
 */
final class Parallel implements AutoCloseable {
    /** How long an idle worker (or a waiting caller) spins before parking: the gap between the ops of one step. */
    static final long SPIN_NANOS = 50_000;

    private static final ThreadLocal<Boolean> IN_TASK = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger busy = new AtomicInteger(); // 1 while a job is out
    private volatile Job job; // the job that is out, or null (so finished jobs' outputs are not kept reachable)
    private long generation; // numbers the jobs; written only while holding busy
    private volatile boolean closed;

    /** One parallel call: tasks are claimed through {@code next}; {@code pending} counts the unfinished. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger pending;
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread caller;
        final long id;

        Job(long id, int tasks, IntConsumer body, Thread caller) {
            this.id = id;
            this.tasks = tasks;
            this.body = body;
            this.pending = new AtomicInteger(tasks);
            this.caller = caller;
        }

        /** Claims and runs tasks until none are left. */
        void drain() {
            for (int t; (t = next.getAndIncrement()) < tasks; ) {
                try {
                    if (error.get() == null) {
                        body.accept(t);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }
    }

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        }
        this.threads = threads;
        int id = POOLS.incrementAndGet();
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::work, "kiln-cpu-" + id + "-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
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
        if (tasks <= 1 || workers.length == 0 || IN_TASK.get() || closed || !busy.compareAndSet(0, 1)) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        Job j = new Job(++generation, tasks, body, Thread.currentThread());
        try {
            job = j;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            IN_TASK.set(Boolean.TRUE);
            try {
                j.drain();
            } finally {
                IN_TASK.set(Boolean.FALSE);
            }
            awaitDone(j);
        } finally {
            job = null;
            busy.set(0);
        }
        Throwable e = j.error.get();
        if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (spin, then park) until every task of {@code j} has finished; the tasks write shared outputs. */
    private static void awaitDone(Job j) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (j.pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(j, 100_000); // the last task unparks us; the timeout guards a lost wake-up
            }
        }
    }

    private void work() {
        IN_TASK.set(Boolean.TRUE);
        long seen = 0;
        while (!closed) {
            Job j = job;
            if (j != null && j.id != seen) {
                seen = j.id;
                j.drain();
                continue;
            }
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!fresh(seen) && !closed && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            if (!fresh(seen) && !closed) {
                LockSupport.park(this); // run() unparks every worker after publishing a job
            }
        }
    }

    private boolean fresh(long seen) {
        Job j = job;
        return j != null && j.id != seen;
    }

    /** Start of chunk {@code t} when {@code n} items are cut into {@code tasks} near-equal chunks. */
    static int split(int n, int tasks, int t) {
        return (int) ((long) n * t / tasks);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
