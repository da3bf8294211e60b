package dev.kiln.core.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode automatic differentiation on eager tensors. Every differentiable op records a
 * {@link Node} (its inputs and its backward rule) on its output when gradients are enabled and
 * an input requires them; {@link Tensor#backward()} walks the nodes in reverse topological order.
 */
public final class Autograd {
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Autograd() {
    }

    /** The backward rule of one op: output gradient in, one gradient per input out (null = none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOut);
    }

    /** What produced a tensor: the op's name, its inputs and its backward rule. */
    record Node(String op, Tensor[] inputs, Backward backward) {
    }

    /** A scope in which ops record nothing; close it to restore the previous mode. */
    public static final class Scope implements AutoCloseable {
        private boolean closed;

        private Scope() {
            NO_GRAD_DEPTH.get()[0]++;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    /** {@code try (var s = Autograd.noGrad()) { ... }}: evaluation, optimizer updates. */
    public static Scope noGrad() {
        return new Scope();
    }

    public static boolean isEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** Attaches a backward rule to {@code out} when gradients are enabled and any input needs them. */
    public static Tensor record(Tensor out, String op, Tensor[] inputs, Backward backward) {
        if (!isEnabled()) {
            return out;
        }
        for (Tensor in : inputs) {
            if (in != null && in.requiresGrad()) {
                out.attach(new Node(op, inputs, backward));
                return out;
            }
        }
        return out;
    }

    static void backward(Tensor root, Tensor seed) {
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, seed);
        try (Scope ignored = noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.node();
                if (node == null) {
                    t.accumulateGrad(g);
                    continue;
                }
                Tensor[] inGrads = node.backward().apply(g);
                for (int k = 0; k < node.inputs().length; k++) {
                    Tensor in = node.inputs()[k];
                    if (in == null || !in.requiresGrad() || inGrads[k] == null) {
                        continue;
                    }
                    Tensor ig = inGrads[k];
                    if (!Arrays.equals(ig.shape(), in.shape())) {
                        throw new IllegalStateException("backward of '" + node.op() + "' produced gradient of shape "
                                + Shape.str(ig.shape()) + " for input " + k + " of shape " + Shape.str(in.shape()));
                    }
                    grads.merge(in, ig, Tensor::add);
                }
            }
        }
    }

    /** Post-order DFS without recursion (deep graphs, e.g. RNN unrolls, must not overflow the stack). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t.node();
            Tensor[] inputs = node == null ? new Tensor[0] : node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor in = inputs[next];
                if (in != null && in.requiresGrad() && seen.put(in, Boolean.TRUE) == null) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
