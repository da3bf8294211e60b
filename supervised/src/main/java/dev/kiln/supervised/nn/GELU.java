package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Tensor;

/**
 * Gaussian error linear unit {@code x * Phi(x)}. The exact form (PyTorch's default) needs erf,
 * which is not a backend primitive: it is composed here from exp and a rational term
 * (Abramowitz–Stegun 7.1.26, absolute error below 1.5e-7, under float32 rounding), so every backend
 * gets it and autograd differentiates it. {@link #tanh()} gives the tanh approximation
 * ({@code approximate='tanh'} in PyTorch).
 */
public final class GELU extends ElementwiseLayer {
    private static final float P = 0.3275911f;
    private static final float[] A = {0.254829592f, -0.284496736f, 1.421413741f, -1.453152027f, 1.061405429f};
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);

    private final boolean tanhApproximation;

    /** Exact GELU. */
    public GELU() {
        this(false);
    }

    private GELU(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    public static GELU tanh() {
        return new GELU(true);
    }

    @Override
    protected Tensor apply(Tensor x) {
        if (tanhApproximation) {
            Tensor inner = x.add(x.mul(x).mul(x).mul(0.044715f)).mul(SQRT_2_OVER_PI);
            return x.mul(0.5f).mul(inner.tanh().add(1f));
        }
        return x.mul(0.5f).mul(erf(x.mul(INV_SQRT2)).add(1f));
    }

    /** erf(z) = sign(z) (1 - poly(t) exp(-z^2)), t = 1 / (1 + p |z|). */
    static Tensor erf(Tensor z) {
        Tensor t = z.abs().mul(P).add(1f).reciprocal();
        Tensor poly = t.mul(A[4]);
        for (int i = 3; i >= 0; i--) {
            poly = poly.add(A[i]).mul(t);
        }
        Tensor tail = poly.mul(z.square().neg().exp());
        return z.sign().mul(tail.neg().add(1f));
    }

    @Override
    public java.util.Map<String, Object> config() {
        return LayerConfig.of("GELU", "approximate", tanhApproximation ? "tanh" : "none");
    }

    @Override
    public String describe() {
        return tanhApproximation ? "GELU(tanh)" : "GELU";
    }
}
