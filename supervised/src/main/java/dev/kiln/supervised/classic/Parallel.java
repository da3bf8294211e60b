package dev.kiln.supervised.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent tasks {@code 0..n-1} on a fixed pool and returns their results in index order.
 * Each task must derive its randomness from its index alone, so results never depend on which
 * thread ran what or when.
 */
final class Parallel {
    private Parallel() {
    }

    static <T> List<T> map(int n, int threads, IntFunction<T> task) {
        List<T> out = new ArrayList<>(n);
        if (threads <= 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "kiln-classic-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting in parallel", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
