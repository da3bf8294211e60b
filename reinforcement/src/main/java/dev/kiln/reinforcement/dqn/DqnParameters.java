package dev.kiln.reinforcement.dqn;

import dev.kiln.core.nn.Loss;
import dev.kiln.supervised.loss.Huber;
import dev.kiln.reinforcement.policy.Schedule;
import java.util.Arrays;
import java.util.Objects;

/**
 * Hyper-parameters of {@link DqnAgent}, with defaults close to Stable-Baselines3's DQN scaled to
 * small mazes. The ε schedule counts environment steps (not episodes), as in the DQN paper.
 */
public final class DqnParameters {
    final int[] hidden;
    final double learningRate;
    final double discount;
    final int batchSize;
    final int bufferCapacity;
    final int learningStarts;
    final int trainEvery;
    final int targetUpdateEvery;
    final Schedule epsilon;
    final double maxGradNorm;
    final boolean doubleDqn;
    final Loss loss;
    final long seed;

    private DqnParameters(Builder b) {
        this.hidden = b.hidden.clone();
        this.learningRate = b.learningRate;
        this.discount = b.discount;
        this.batchSize = b.batchSize;
        this.bufferCapacity = b.bufferCapacity;
        this.learningStarts = b.learningStarts;
        this.trainEvery = b.trainEvery;
        this.targetUpdateEvery = b.targetUpdateEvery;
        this.epsilon = b.epsilon;
        this.maxGradNorm = b.maxGradNorm;
        this.doubleDqn = b.doubleDqn;
        this.loss = b.loss;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int[] hidden() {
        return hidden.clone();
    }

    public double discount() {
        return discount;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "DqnParameters(hidden " + Arrays.toString(hidden) + ", lr " + learningRate + ", gamma " + discount
                + ", batch " + batchSize + ", buffer " + bufferCapacity + ", starts " + learningStarts + ", trainEvery "
                + trainEvery + ", targetEvery " + targetUpdateEvery + ", clip " + maxGradNorm + ", double " + doubleDqn
                + ", loss " + loss.name() + ", seed " + seed + ")";
    }

    public static final class Builder {
        private int[] hidden = {64};
        private double learningRate = 1e-3;
        private double discount = 0.99;
        private int batchSize = 64;
        private int bufferCapacity = 10_000;
        private int learningStarts = 500;
        private int trainEvery = 1;
        private int targetUpdateEvery = 250;
        private Schedule epsilon = Schedule.linear(1.0, 0.05, 5_000);
        private double maxGradNorm = 10;
        private boolean doubleDqn = true;
        private Loss loss = new Huber();
        private long seed;

        private Builder() {
        }

        /** Widths of the hidden ReLU layers of the default network. */
        public Builder hidden(int... widths) {
            for (int w : widths) {
                positive("hidden width", w);
            }
            this.hidden = widths.clone();
            return this;
        }

        /** Adam's step size. */
        public Builder learningRate(double lr) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("DQN: learning rate must be positive, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder discount(double gamma) {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("DQN: discount must be in [0, 1], got " + gamma);
            }
            this.discount = gamma;
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = positive("batch size", n);
            return this;
        }

        public Builder bufferCapacity(int n) {
            this.bufferCapacity = positive("buffer capacity", n);
            return this;
        }

        /** Steps of pure collection before the first update. */
        public Builder learningStarts(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("DQN: learningStarts must be >= 0, got " + steps);
            }
            this.learningStarts = steps;
            return this;
        }

        /** One gradient update every {@code steps} environment steps. */
        public Builder trainEvery(int steps) {
            this.trainEvery = positive("trainEvery", steps);
            return this;
        }

        /** Copy the online network into the target network every {@code steps} environment steps. */
        public Builder targetUpdateEvery(int steps) {
            this.targetUpdateEvery = positive("targetUpdateEvery", steps);
            return this;
        }

        /** ε by environment step. */
        public Builder epsilon(Schedule schedule) {
            this.epsilon = Objects.requireNonNull(schedule, "epsilon");
            return this;
        }

        /** Clip the gradients' global norm (0: no clipping). */
        public Builder maxGradNorm(double norm) {
            if (!(norm >= 0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("DQN: maxGradNorm must be >= 0 and finite, got " + norm);
            }
            this.maxGradNorm = norm;
            return this;
        }

        /** Double DQN (van Hasselt et al. 2016): the online network picks the next action, the target network values it. */
        public Builder doubleDqn(boolean on) {
            this.doubleDqn = on;
            return this;
        }

        /** The TD-error loss (default Huber, delta 1). */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** Seeds network initialisation and replay sampling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public DqnParameters build() {
            return new DqnParameters(this);
        }

        private static int positive(String what, int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("DQN: " + what + " must be positive, got " + v);
            }
            return v;
        }
    }
}
