package dev.kiln.reinforcement.dqn;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.agent.Transition;

/**
 * Experience replay (Lin 1992; Mnih et al. 2015): a fixed-capacity ring of transitions with
 * vector observations, sampled uniformly with replacement. Learning from random old transitions
 * breaks the correlation between consecutive steps. Stored in flat primitive arrays: a buffer of
 * 10⁵ transitions is a few arrays, not 10⁵ objects.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int dim;
    private final float[] states;
    private final float[] nextStates;
    private final int[] actions;
    private final float[] rewards;
    private final boolean[] terminated;
    private int size;
    private int next;

    /** One sampled mini-batch, row-major: {@code states[i * dim + j]}. */
    public record Batch(int size, int dim, float[] states, int[] actions, float[] rewards, float[] nextStates,
            float[] notDone) {
    }

    public ReplayBuffer(int capacity, int observationSize) {
        if (capacity <= 0 || observationSize <= 0) {
            throw new IllegalArgumentException("replay buffer: capacity and observation size must be positive, got "
                    + capacity + " and " + observationSize);
        }
        this.capacity = capacity;
        this.dim = observationSize;
        this.states = new float[capacity * observationSize];
        this.nextStates = new float[capacity * observationSize];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.terminated = new boolean[capacity];
    }

    /** Stores a transition, overwriting the oldest once full. */
    public void add(Transition<float[]> t) {
        if (t.state().length != dim || t.nextState().length != dim) {
            throw new IllegalArgumentException("replay buffer: observations must have " + dim + " values, got "
                    + t.state().length + " and " + t.nextState().length);
        }
        System.arraycopy(t.state(), 0, states, next * dim, dim);
        System.arraycopy(t.nextState(), 0, nextStates, next * dim, dim);
        actions[next] = t.action();
        rewards[next] = (float) t.reward();
        terminated[next] = t.terminated();
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** {@code n} transitions drawn uniformly with replacement. */
    public Batch sample(int n, Rng rng) {
        if (size == 0) {
            throw new IllegalStateException("replay buffer: cannot sample from an empty buffer");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("replay buffer: batch size must be positive, got " + n);
        }
        float[] s = new float[n * dim];
        float[] s2 = new float[n * dim];
        int[] a = new int[n];
        float[] r = new float[n];
        float[] notDone = new float[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(size);
            System.arraycopy(states, k * dim, s, i * dim, dim);
            System.arraycopy(nextStates, k * dim, s2, i * dim, dim);
            a[i] = actions[k];
            r[i] = rewards[k];
            notDone[i] = terminated[k] ? 0f : 1f;
        }
        return new Batch(n, dim, s, a, r, s2, notDone);
    }
}
