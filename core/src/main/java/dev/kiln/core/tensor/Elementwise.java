package dev.kiln.core.tensor;

import dev.kiln.core.backend.BinaryOp;
import dev.kiln.core.backend.UnaryOp;

/** Element-wise ops with their backward rules. */
final class Elementwise {
    private Elementwise() {
    }

    static Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = x.backend().unary(op, x);
        return Autograd.record(out, op.name().toLowerCase(), new Tensor[] {x}, g -> new Tensor[] {unaryGrad(op, x, out, g)});
    }

    private static Tensor unaryGrad(UnaryOp op, Tensor x, Tensor out, Tensor g) {
        return switch (op) {
            case NEG -> g.neg();
            case ABS -> g.mul(x.sign());
            case EXP -> g.mul(out);
            case LOG -> g.div(x);
            case SQRT -> g.div(out.mul(2f));
            case RECIP -> g.mul(out.square()).neg();
            case TANH -> g.mul(out.square().neg().add(1f));
            case SIGMOID -> g.mul(out.mul(out.neg().add(1f)));
            case RELU -> g.mul(x.gt(0f));
            case SIGN -> null; // piecewise constant: zero gradient almost everywhere
            case SIN -> g.mul(x.cos());
            case COS -> g.mul(x.sin()).neg();
        };
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        Checks.sameBackend(op.name().toLowerCase(), a, b);
        Shape.broadcast(op.name().toLowerCase(), a.rawShape(), b.rawShape());
        Tensor out = a.backend().binary(op, a, b);
        if (op.isComparison()) {
            return out; // masks carry no gradient
        }
        return Autograd.record(out, op.name().toLowerCase(), new Tensor[] {a, b}, g -> {
            Tensor[] grads = binaryGrad(op, a, b, out, g);
            return new Tensor[] {reduceTo(grads[0], a), reduceTo(grads[1], b)};
        });
    }

    static Tensor axpby(float a, Tensor x, float b, Tensor y) {
        Checks.sameBackend("axpby", x, y);
        if (!java.util.Arrays.equals(x.rawShape(), y.rawShape())) {
            throw new IllegalArgumentException("axpby: shapes " + Shape.str(x.rawShape()) + " and "
                    + Shape.str(y.rawShape()) + " differ (axpby does not broadcast)");
        }
        Tensor out = x.backend().axpby(a, x, b, y);
        return Autograd.record(out, "axpby", new Tensor[] {x, y}, g -> new Tensor[] {
                x.requiresGrad() ? g.mul(a) : null, y.requiresGrad() ? g.mul(b) : null});
    }

    private static Tensor[] binaryGrad(BinaryOp op, Tensor a, Tensor b, Tensor out, Tensor g) {
        return switch (op) {
            case ADD -> new Tensor[] {g, g};
            case SUB -> new Tensor[] {g, g.neg()};
            case MUL -> new Tensor[] {a.requiresGrad() ? g.mul(b) : null, b.requiresGrad() ? g.mul(a) : null};
            case DIV -> new Tensor[] {g.div(b), b.requiresGrad() ? g.mul(out).div(b).neg() : null};
            case POW -> new Tensor[] {
                    g.mul(b).mul(a.pow(b.sub(1f))),
                    b.requiresGrad() ? g.mul(out).mul(a.log()) : null};
            // ties split the gradient evenly, as PyTorch's maximum/minimum do
            case MAX -> splitTies(g, a.gt(b), a.eq(b));
            case MIN -> splitTies(g, a.lt(b), a.eq(b));
            default -> throw new IllegalStateException("no gradient for " + op);
        };
    }

    private static Tensor[] splitTies(Tensor g, Tensor aWins, Tensor tie) {
        Tensor wa = aWins.add(tie.mul(0.5f));
        return new Tensor[] {g.mul(wa), g.mul(wa.neg().add(1f))};
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        Checks.sameBackend("where", cond, a, b);
        Shape.broadcast("where", Shape.broadcast("where", cond.rawShape(), a.rawShape()), b.rawShape());
        Tensor out = a.backend().where(cond, a, b);
        return Autograd.record(out, "where", new Tensor[] {cond, a, b}, g -> {
            Tensor zero = Tensor.zerosLike(g);
            return new Tensor[] {null,
                    a.requiresGrad() ? reduceTo(where(cond, g, zero), a) : null,
                    b.requiresGrad() ? reduceTo(where(cond, zero, g), b) : null};
        });
    }

    /** Sums a broadcast gradient back down to the shape of the input it flows to. */
    static Tensor reduceTo(Tensor g, Tensor input) {
        if (g == null) {
            return null;
        }
        int[] target = input.rawShape();
        int[] gs = g.rawShape();
        if (java.util.Arrays.equals(gs, target)) {
            return g;
        }
        int lead = gs.length - target.length;
        int[] axes = new int[gs.length];
        int n = 0;
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (target[i - lead] == 1 && gs[i] != 1)) {
                axes[n++] = i;
            }
        }
        Tensor summed = n == 0 ? g : Reductions.reduce(dev.kiln.core.backend.ReduceOp.SUM, g,
                java.util.Arrays.copyOf(axes, n), true);
        return summed.reshape(target);
    }
}
