package dev.kiln.cpu;

import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.tensor.HeapStorage;
import dev.kiln.core.tensor.Tensor;
import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The CPU backend's {@link MemoryScope}s: while a scope is open on a thread, the arrays of the
 * tensors that thread allocates are recorded, and when it closes the unkept ones go to a per-thread
 * pool that the next allocations of the same length take from. A training step allocates the same
 * sizes every time, so from the second step on its tensors land in memory that is still in cache
 * instead of fresh heap (ADR 0010: zeroing cold memory cost more than many ops themselves).
 *
 * <p>Recycled storages are emptied ({@link HeapStorage#recycle()}), so a tensor read after its
 * scope throws instead of seeing another tensor's values. Pooled arrays are zero-filled when taken
 * for an op that expects zeros, exactly like a new array.
 */
final class Recycler {
    /** The most floats one thread's pool holds (256 MiB); more are left to the garbage collector. */
    static final long MAX_POOLED_FLOATS = 1L << 26;

    private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

    /**
     * One thread's scopes and pool. Pooled arrays are held softly: a thread that stops training
     * keeps them only until the collector needs the memory.
     */
    private static final class State {
        final ArrayDeque<Scope> scopes = new ArrayDeque<>();
        final FreeLists free = new FreeLists();
        long pooled;

        void give(float[] a) {
            if (pooled + a.length > MAX_POOLED_FLOATS) {
                return;
            }
            free.listFor(a.length).push(new SoftReference<>(a));
            pooled += a.length;
        }

        float[] take(int n, boolean zero) {
            ArrayDeque<SoftReference<float[]>> q = free.find(n);
            float[] a = null;
            while (a == null && q != null && !q.isEmpty()) {
                a = q.poll().get(); // null when the collector took it back
                pooled -= n;
            }
            if (a == null) {
                return new float[n];
            }
            if (zero) {
                Arrays.fill(a, 0f);
            }
            return a;
        }
    }

    /**
     * Free arrays by length: an open-addressing table on int keys. (A HashMap of Integer keys put
     * a step's lengths, mostly multiples of 64, into one bucket: a tree search on every allocation.)
     */
    private static final class FreeLists {
        private int[] lengths = new int[64];
        @SuppressWarnings("unchecked")
        private ArrayDeque<SoftReference<float[]>>[] lists = new ArrayDeque[64];
        private int size;

        /** Fibonacci hashing: the top bits of the product, which every bit of the length moves. */
        private static int slot(int length, int mask) {
            return (length * 0x9E3779B9) >>> (32 - Integer.bitCount(mask));
        }

        ArrayDeque<SoftReference<float[]>> find(int length) {
            int mask = lengths.length - 1;
            for (int i = slot(length, mask); lists[i] != null; i = (i + 1) & mask) {
                if (lengths[i] == length) {
                    return lists[i];
                }
            }
            return null;
        }

        ArrayDeque<SoftReference<float[]>> listFor(int length) {
            ArrayDeque<SoftReference<float[]>> q = find(length);
            if (q != null) {
                return q;
            }
            if (2 * (size + 1) > lengths.length) {
                grow();
            }
            q = new ArrayDeque<>();
            insert(length, q);
            size++;
            return q;
        }

        private void insert(int length, ArrayDeque<SoftReference<float[]>> q) {
            int mask = lengths.length - 1;
            int i = slot(length, mask);
            while (lists[i] != null) {
                i = (i + 1) & mask;
            }
            lengths[i] = length;
            lists[i] = q;
        }

        @SuppressWarnings("unchecked")
        private void grow() {
            int[] oldLengths = lengths;
            ArrayDeque<SoftReference<float[]>>[] oldLists = lists;
            lengths = new int[oldLengths.length * 2];
            lists = new ArrayDeque[oldLengths.length * 2];
            for (int i = 0; i < oldLists.length; i++) {
                if (oldLists[i] != null) {
                    insert(oldLengths[i], oldLists[i]);
                }
            }
        }
    }

    private static final class Scope implements MemoryScope {
        private final State st;
        private final List<HeapStorage> owned = new ArrayList<>();
        private final Set<HeapStorage> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean closed;

        Scope(State st) {
            this.st = st;
        }

        @Override
        public MemoryScope keep(Tensor... tensors) {
            for (Tensor t : tensors) {
                if (t != null && t.storage() instanceof HeapStorage h) {
                    kept.add(h);
                }
            }
            return this;
        }

        @Override
        public MemoryScope adopt(Tensor... tensors) {
            for (Tensor t : tensors) {
                if (t != null && t.storage() instanceof HeapStorage h && !h.recycled()) {
                    owned.add(h); // listed twice is harmless: close() skips a storage already recycled
                }
            }
            return this;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            st.scopes.remove(this);
            Scope parent = st.scopes.peek();
            for (HeapStorage h : owned) {
                if (h.recycled()) {
                    continue;
                }
                if (kept.contains(h)) {
                    if (parent != null) {
                        parent.owned.add(h); // kept here, still temporary for the enclosing scope
                    }
                } else {
                    st.give(h.recycle());
                }
            }
            owned.clear();
            kept.clear();
        }
    }

    /** {@code t}'s storage leaves every scope open on this thread (a cache kept across steps). */
    void persist(Tensor t) {
        if (t.storage() instanceof HeapStorage h) {
            for (Scope s : state.get().scopes) {
                s.owned.remove(h);
            }
        }
    }

    MemoryScope open() {
        State st = state.get();
        Scope s = new Scope(st);
        st.scopes.push(s);
        return s;
    }

    /**
     * Storage of {@code n} floats for a new tensor: from the pool when a scope is open on this
     * thread (and then owned by it), else a new array. {@code zero}: the op relies on zeros.
     */
    HeapStorage storage(CpuBackend backend, int n, boolean zero) {
        State st = state.get();
        Scope s = st.scopes.peek();
        if (s == null) {
            return new HeapStorage(backend, new float[n]);
        }
        HeapStorage h = new HeapStorage(backend, st.take(n, zero));
        s.owned.add(h);
        return h;
    }
}
