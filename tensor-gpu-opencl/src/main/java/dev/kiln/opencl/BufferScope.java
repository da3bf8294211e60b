package dev.kiln.opencl;

import dev.kiln.core.backend.MemoryScope;
import dev.kiln.core.tensor.Storage;
import dev.kiln.core.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OpenCL backend's {@link MemoryScope} (what {@code GradientTrainer} opens around each training
 * step): deterministic release of device buffers: every buffer the backend allocates on this thread
 * while the scope is open belongs to it, and {@link #close()} releases all of them except those
 * passed to {@link #keep}. Scopes nest; a kept buffer moves to the enclosing scope (or to no scope,
 * where the cleaner or an explicit {@link Storage#close()} releases it).
 *
 * <pre>{@code
 * try (BufferScope step = backend.scope()) {
 *     step.adopt(w.value());          // the old weights die with this step
 *     ... forward, backward, optimizer.step() ...
 *     step.keep(w.value());           // the new weights survive it
 * }
 * }</pre>
 */
public final class BufferScope implements MemoryScope {
    private final Deque<BufferScope> stack;
    private final BufferScope parent;
    private final Set<ClStorage> owned = new LinkedHashSet<>();
    private boolean closed;

    BufferScope(Deque<BufferScope> stack) {
        this.stack = stack;
        this.parent = stack.peek();
        stack.push(this);
    }

    static Deque<BufferScope> newStack() {
        return new ArrayDeque<>();
    }

    void register(ClStorage s) {
        owned.add(s);
    }

    /** These tensors' buffers outlive the scope (they move to the enclosing scope, if any). */
    @Override
    public BufferScope keep(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null && t.storage() instanceof ClStorage s && owned.remove(s) && parent != null) {
                parent.register(s);
            }
        }
        return this;
    }

    /** These tensors' buffers, allocated earlier, are released with this scope (unless kept). */
    @Override
    public BufferScope adopt(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null && t.storage() instanceof ClStorage s) {
                owned.add(s);
            }
        }
        return this;
    }

    /** Stops owning {@code s} (it outlives this scope and no enclosing scope takes it). */
    void forget(ClStorage s) {
        owned.remove(s);
    }

    /** Number of buffers this scope will release when closed. */
    public int size() {
        return owned.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stack.peek() != this) {
            throw new IllegalStateException("BufferScope closed out of order: close inner scopes first");
        }
        stack.pop();
        for (ClStorage s : owned) {
            s.close();
        }
        owned.clear();
    }
}
