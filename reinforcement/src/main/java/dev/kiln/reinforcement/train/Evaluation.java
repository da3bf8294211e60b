package dev.kiln.reinforcement.train;

import dev.kiln.core.tensor.Rng;
import dev.kiln.reinforcement.env.Environment;
import dev.kiln.reinforcement.env.Step;
import dev.kiln.core.ml.Policy;
import java.util.ArrayList;
import java.util.List;

/** Runs a fixed policy for some episodes and measures success rate, return and length. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Runs {@code episodes} episodes; episode {@code k} resets the environment with seed
     * {@code Rng.bits(seed, k)}, so two evaluations with the same seed see the same randomness.
     */
    public static <O> EvaluationResult<O> run(Environment<O, Integer> env, Policy<O> policy, int episodes, long seed) {
        if (episodes <= 0) {
            throw new IllegalArgumentException("evaluation: episodes must be positive, got " + episodes);
        }
        Rng rng = new Rng(Rng.mix(seed ^ 0x5EED_E7A1L));
        int successes = 0;
        double returns = 0;
        long length = 0;
        List<O> observations = new ArrayList<>();
        for (int k = 0; k < episodes; k++) {
            observations = new ArrayList<>();
            O obs = env.reset(Rng.bits(seed, k));
            observations.add(obs);
            while (true) {
                Step<O> step = env.step(policy.act(obs, rng));
                returns += step.reward();
                length++;
                obs = step.observation();
                observations.add(obs);
                if (step.done()) {
                    successes += step.success() ? 1 : 0;
                    break;
                }
            }
        }
        return new EvaluationResult<>(episodes, (double) successes / episodes, returns / episodes,
                (double) length / episodes, List.copyOf(observations));
    }
}
