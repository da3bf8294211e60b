package dev.kiln.core.nn;

import dev.kiln.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A differentiable model: a forward pass, named parameters and a train/eval mode (dropout and
 * batch-norm behave differently in each). Layers and whole networks both implement it.
 */
public interface Model {
    Tensor forward(Tensor input);

    /** Parameters by stable, dotted name ("0.weight", "encoder.1.bias"), in a fixed order. */
    Map<String, Parameter> namedParameters();

    default List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Switches between training (true) and evaluation (false) behaviour. */
    void train(boolean training);

    boolean isTraining();

    default void eval() {
        train(false);
    }

    default void zeroGrad() {
        for (Parameter p : namedParameters().values()) {
            p.zeroGrad();
        }
    }

    /** Direct sub-models by name ("0", "fc1"), in order; empty for a single layer. */
    default Map<String, Model> namedChildren() {
        return Map.of();
    }

    /**
     * Freezes every parameter whose dotted name matches {@code glob} (no gradient, no optimizer
     * state, unchanged bit for bit) and returns how many. In the glob, {@code *} matches any run
     * of characters, dots included, so {@code "features.*"} is everything under
     * {@code features} and {@code "*.bias"} every bias; {@code ?} matches one character. A glob
     * that matches nothing is an error listing the names, since it is almost always a typo.
     */
    default int freeze(String glob) {
        return select(glob, true);
    }

    /** The reverse of {@link #freeze(String)}. */
    default int unfreeze(String glob) {
        return select(glob, false);
    }

    private int select(String glob, boolean freeze) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            re.append(switch (ch) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> java.util.regex.Pattern.quote(String.valueOf(ch));
            });
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(re.toString());
        int n = 0;
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            if (p.matcher(e.getKey()).matches()) {
                if (freeze) {
                    e.getValue().freeze();
                } else {
                    e.getValue().unfreeze();
                }
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException((freeze ? "freeze" : "unfreeze") + "('" + glob
                    + "'): no parameter matches; parameters are " + namedParameters().keySet());
        }
        return n;
    }

    /** Number of trainable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.value().numel();
        }
        return n;
    }
}
