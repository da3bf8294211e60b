package dev.kiln.reinforcement.pg;

/**
 * Hyper-parameters of {@link Reinforce}.
 *
 * @param hidden widths of the hidden ReLU layers
 * @param learningRate Adam's step size
 * @param discount γ in [0, 1]
 * @param baselineRate weight of the newest episode in the running-mean baseline, in (0, 1]
 * @param entropyBonus β ≥ 0, weight of the entropy bonus
 * @param seed seeds the network's initial weights
 */
public record ReinforceParameters(int[] hidden, double learningRate, double discount, double baselineRate,
        double entropyBonus, long seed) {
    public ReinforceParameters {
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("REINFORCE: hidden widths must be positive, got " + h);
            }
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("REINFORCE: learning rate must be positive, got " + learningRate);
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw new IllegalArgumentException("REINFORCE: discount must be in [0, 1], got " + discount);
        }
        if (!(baselineRate > 0 && baselineRate <= 1)) {
            throw new IllegalArgumentException("REINFORCE: baseline rate must be in (0, 1], got " + baselineRate);
        }
        if (!(entropyBonus >= 0) || Double.isInfinite(entropyBonus)) {
            throw new IllegalArgumentException("REINFORCE: entropy bonus must be >= 0, got " + entropyBonus);
        }
    }

    /** One hidden layer of 32, Adam 0.01, γ 0.99, baseline rate 0.1, entropy bonus 0.01. */
    public static ReinforceParameters defaults(long seed) {
        return new ReinforceParameters(new int[] {32}, 0.01, 0.99, 0.1, 0.01, seed);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }
}
