package dev.kiln.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.reference.ReferenceBackend;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.nn.Sgd;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trains the XOR example's 2-8-2 tanh network (core ops, cross-entropy, SGD) on OpenCL and on the
 * reference backend from the same seed: the per-epoch losses must agree, the network must learn
 * XOR, and with every step in a {@link BufferScope} no device buffer may be left alive.
 */
class XorTrainingTest {
    private static final int EPOCHS = 60;

    /** Runs the XOR training loop; {@code perStep} wraps each step (a buffer scope on OpenCL). */
    private static float[] train(Backend b, boolean scoped, int[] predictions) {
        OpenClBackend cl = b instanceof OpenClBackend o ? o : null;
        Rng rng = new Rng(42);
        Tensor x = Tensor.fromArray(b, new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.ofIndices(b, 0, 1, 1, 0);
        Parameter w1;
        Parameter b1;
        Parameter w2;
        Parameter b2;
        try (BufferScope init = scoped ? cl.scope() : null) {
            w1 = new Parameter("w1", Tensor.normal(b, rng, 0f, 1f, 2, 8).mul((float) Math.sqrt(1.0 / 2)));
            b1 = new Parameter("b1", Tensor.zeros(b, 8));
            w2 = new Parameter("w2", Tensor.normal(b, rng, 0f, 1f, 8, 2).mul((float) Math.sqrt(1.0 / 8)));
            b2 = new Parameter("b2", Tensor.zeros(b, 2));
            if (init != null) {
                init.keep(w1.value(), b1.value(), w2.value(), b2.value());
            }
        }
        List<Parameter> params = List.of(w1, b1, w2, b2);
        Sgd sgd = new Sgd(params, 0.5);
        CrossEntropy loss = new CrossEntropy();
        float[] losses = new float[EPOCHS];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            try (BufferScope step = scoped ? cl.scope() : null) {
                if (step != null) { // the old values die with this step; the new ones are kept below
                    params.forEach(p -> step.adopt(p.value()));
                }
                Tensor logits = x.matmul(w1.value()).add(b1.value()).tanh().matmul(w2.value()).add(b2.value());
                Tensor l = loss.compute(logits, y);
                sgd.zeroGrad();
                l.backward();
                sgd.step();
                losses[epoch] = l.item();
                if (step != null) {
                    params.forEach(p -> step.keep(p.value()));
                }
            }
        }
        try (BufferScope eval = scoped ? cl.scope() : null; var noGrad = Autograd.noGrad()) {
            Tensor logits = x.matmul(w1.value()).add(b1.value()).tanh().matmul(w2.value()).add(b2.value());
            System.arraycopy(logits.argmax(1).toIntArray(), 0, predictions, 0, 4);
        }
        if (scoped) {
            x.storage().close();
            y.storage().close();
            params.forEach(p -> p.value().storage().close());
        }
        return losses;
    }

    @Test
    void lossesMatchTheReferenceAndEveryBufferIsReleased() {
        OpenClBackend shared = OpenClTesting.backend(); // skips with the probe's reason without OpenCL
        OpenClBackend cl = new OpenClBackend(shared.context()); // its own counter, starting at zero
        assertThat(cl.liveBuffers()).isZero();

        int[] refPred = new int[4];
        int[] clPred = new int[4];
        float[] expected = train(new ReferenceBackend(), false, refPred);
        float[] actual = train(cl, true, clPred);

        for (int e = 0; e < EPOCHS; e++) {
            assertThat(actual[e]).as("loss at epoch %d", e + 1).isCloseTo(expected[e],
                    org.assertj.core.data.Offset.offset(1e-4f + 1e-4f * Math.abs(expected[e])));
        }
        assertThat(actual[EPOCHS - 1]).isLessThan(actual[0] / 4);
        assertThat(clPred).containsExactly(0, 1, 1, 0).containsExactly(refPred);
        assertThat(cl.liveBuffers()).as("live OpenCL buffers after training").isZero();
        assertThat(cl.liveBytes()).isZero();
    }
}
