package dev.kiln.supervised.nn;

import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inverted dropout: in training mode each element is zeroed with probability {@code p} and the
 * survivors are scaled by {@code 1/(1-p)}; in evaluation mode the layer is the identity.
 *
 * <p>The mask comes from the layer's own seeded {@link Rng}, so the same seed gives the same
 * masks. Its stream position is a buffer ({@code "rng_state"}: the offset as two floats holding
 * 24 bits each, exact up to 2^48 draws) so a run resumed from a checkpoint draws the masks an
 * uninterrupted run would have drawn.
 */
public final class Dropout extends ElementwiseLayer {
    private static final long LOW_MASK = (1L << 24) - 1;

    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    public double p() {
        return p;
    }

    @Override
    protected Tensor apply(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        Tensor keep = Tensor.uniform(x.backend(), rng, 0f, 1f, x.shape()).ge((float) p);
        return x.mul(keep.mul((float) (1 / (1 - p))));
    }

    @Override
    public Map<String, Tensor> buffers() {
        long off = rng.offset();
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("rng_state", Tensor.of((float) (off >>> 24), (float) (off & LOW_MASK)));
        return m;
    }

    @Override
    public void loadBuffers(Map<String, Tensor> buffers) {
        Tensor s = buffers.get("rng_state");
        if (s == null || buffers.size() != 1 || s.numel() != 2) {
            throw new IllegalArgumentException(describe() + ".loadBuffers: expected one buffer 'rng_state' of 2 values, got "
                    + buffers.keySet() + (s == null ? "" : " with shape " + java.util.Arrays.toString(s.shape())));
        }
        float[] v = s.toArray();
        rng.offset(((long) v[0] << 24) | (long) v[1]);
    }

    @Override
    public Map<String, Object> config() {
        return LayerConfig.of("Dropout", "p", p);
    }

    @Override
    public String describe() {
        return "Dropout(" + p + ")";
    }
}
