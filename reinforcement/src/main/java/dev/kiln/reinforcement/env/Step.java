package dev.kiln.reinforcement.env;

import java.util.Map;

/**
 * What {@link Environment#step} returns (Gymnasium's 5-tuple). {@code terminated}: the episode
 * reached a terminal state of the task (goal, hole), so there is no future value to bootstrap;
 * {@code truncated}: it was cut off from outside (step limit) and the state still has a value.
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
    /** Info key an environment sets to {@code true} when the episode ended in success. */
    public static final String SUCCESS = "success";

    public Step {
        info = Map.copyOf(info);
    }

    public boolean done() {
        return terminated || truncated;
    }

    /** The {@value #SUCCESS} flag from {@link #info()}, false when absent. */
    public boolean success() {
        return Boolean.TRUE.equals(info.get(SUCCESS));
    }
}
