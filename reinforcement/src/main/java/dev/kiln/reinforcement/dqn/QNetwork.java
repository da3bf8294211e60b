package dev.kiln.reinforcement.dqn;

import dev.kiln.core.nn.Model;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.reinforcement.policy.ActionValues;

/** A network read as action values: one observation in, Q(s, ·) out (no gradient recorded). */
public final class QNetwork implements ActionValues<float[]> {
    private final Model model;
    private final int inputs;
    private final int actions;

    public QNetwork(Model model, int inputs, int actions) {
        this.model = model;
        this.inputs = inputs;
        this.actions = actions;
    }

    public Model model() {
        return model;
    }

    @Override
    public double[] values(float[] observation) {
        if (observation.length != inputs) {
            throw new IllegalArgumentException("Q-network: observation has " + observation.length + " values, the network takes "
                    + inputs);
        }
        float[] out;
        try (var ignored = Autograd.noGrad()) {
            out = model.forward(Tensor.fromArray(observation, 1, inputs)).toArray();
        }
        if (out.length != actions) {
            throw new IllegalStateException("Q-network: output has " + out.length + " values, expected one per action ("
                    + actions + ")");
        }
        double[] v = new double[actions];
        for (int a = 0; a < actions; a++) {
            v[a] = out[a];
        }
        return v;
    }

    @Override
    public int actions() {
        return actions;
    }
}
