package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Optimizer;

/**
 * A learning rate as a function of a counter {@code t} (0-based), which the caller chooses to be
 * the epoch or the step. Schedules are pure functions, so resuming at {@code t} needs no state.
 *
 * <pre>{@code
 * LrSchedule s = LrSchedule.cosine(1e-3, 100, 0).withWarmup(5);   // 5 warm-up epochs, then cosine
 * s.applyTo(optimizer, epoch);
 * }</pre>
 */
@FunctionalInterface
public interface LrSchedule {
    /** The learning rate at {@code t >= 0}. */
    double at(int t);

    /** Sets the optimizer's learning rate to {@code at(t)}. */
    default void applyTo(Optimizer optimizer, int t) {
        optimizer.learningRate(at(t));
    }

    /** The same rate at every {@code t}. */
    static LrSchedule constant(double lr) {
        checkRate("constant", lr);
        return t -> lr;
    }

    /** {@code lr * gamma^floor(t / stepSize)} (PyTorch's StepLR). */
    static LrSchedule step(double lr, int stepSize, double gamma) {
        checkRate("step", lr);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("step schedule: step size must be positive, got " + stepSize);
        }
        checkFactor("step", gamma);
        return t -> lr * Math.pow(gamma, Math.floorDiv(checkT(t), stepSize));
    }

    /** {@code lr * gamma^t} (PyTorch's ExponentialLR). */
    static LrSchedule exponential(double lr, double gamma) {
        checkRate("exponential", lr);
        checkFactor("exponential", gamma);
        return t -> lr * Math.pow(gamma, checkT(t));
    }

    /**
     * Cosine annealing from {@code lr} to {@code minLr} over {@code period} (PyTorch's
     * CosineAnnealingLR closed form): {@code minLr + (lr - minLr) (1 + cos(pi t / period)) / 2};
     * stays at {@code minLr} after the period.
     */
    static LrSchedule cosine(double lr, int period, double minLr) {
        checkRate("cosine", lr);
        checkRate("cosine (minimum)", minLr);
        if (period <= 0) {
            throw new IllegalArgumentException("cosine schedule: period must be positive, got " + period);
        }
        return t -> minLr + (lr - minLr) * (1 + Math.cos(Math.PI * Math.min(checkT(t), period) / period)) / 2;
    }

    /**
     * Linear warm-up over the first {@code steps} values of {@code t}: {@code at(0) * (t + 1) / steps},
     * reaching this schedule's initial rate at {@code t = steps - 1}; then this schedule shifted by
     * {@code steps} (so it starts from its own {@code t = 0}).
     */
    default LrSchedule withWarmup(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("warm-up: steps must be >= 0, got " + steps);
        }
        LrSchedule after = this;
        return t -> checkT(t) < steps ? after.at(0) * (t + 1) / steps : after.at(t - steps);
    }

    /** This schedule until {@code t = boundary}, then {@code next} from its own {@code t = 0}. */
    default LrSchedule then(int boundary, LrSchedule next) {
        if (boundary < 0) {
            throw new IllegalArgumentException("then: boundary must be >= 0, got " + boundary);
        }
        LrSchedule first = this;
        return t -> checkT(t) < boundary ? first.at(t) : next.at(t - boundary);
    }

    /** The product of this schedule and a factor schedule (e.g. a decay applied on top of another). */
    default LrSchedule times(LrSchedule factor) {
        LrSchedule base = this;
        return t -> base.at(t) * factor.at(t);
    }

    private static int checkT(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("learning-rate schedule: t must be >= 0, got " + t);
        }
        return t;
    }

    private static void checkRate(String name, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(name + " schedule: learning rate must be finite and >= 0, got " + lr);
        }
    }

    private static void checkFactor(String name, double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException(name + " schedule: gamma must be in (0, 1], got " + gamma);
        }
    }
}
