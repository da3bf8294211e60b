package dev.kiln.core.nn;

import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** Plain stochastic gradient descent: {@code w <- w - lr * grad}. */
public final class Sgd implements Optimizer {
    private final List<Parameter> parameters;
    private double lr;

    public Sgd(List<Parameter> parameters, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("SGD: learning rate must be a positive number, got " + learningRate);
        }
        this.parameters = List.copyOf(parameters);
        this.lr = learningRate;
    }

    @Override
    public void step() {
        try (var ignored = Autograd.noGrad()) {
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                if (g != null) {
                    p.set(p.value().sub(g.mul((float) lr)));
                }
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void learningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public Map<String, Tensor> state() {
        return Map.of();
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException("SGD has no state, got keys " + state.keySet());
        }
    }
}
