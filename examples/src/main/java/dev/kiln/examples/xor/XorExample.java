package dev.kiln.examples.xor;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.nn.Sgd;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * XOR with a 2-8-2 tanh network written directly on the core API (tensors, autograd, a loss and
 * SGD): the smallest complete training loop in Kiln.
 */
public final class XorExample implements Example {
    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String description() {
        return "train a tiny MLP on XOR with the core API (tensors, autograd, SGD)";
    }

    @Override
    public int run(Options options, PrintStream out) {
        int epochs = 60;
        float lr = 0.5f;
        Rng rng = new Rng(42);
        Tensor x = Tensor.fromArray(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.ofIndices(0, 1, 1, 0);

        // Xavier-style initialisation: std = sqrt(1 / fan_in)
        Parameter w1 = new Parameter("w1", Tensor.randn(rng, 2, 8).mul((float) Math.sqrt(1.0 / 2)));
        Parameter b1 = new Parameter("b1", Tensor.zeros(8));
        Parameter w2 = new Parameter("w2", Tensor.randn(rng, 8, 2).mul((float) Math.sqrt(1.0 / 8)));
        Parameter b2 = new Parameter("b2", Tensor.zeros(2));
        Sgd optimizer = new Sgd(List.of(w1, b1, w2, b2), lr);
        Loss loss = new CrossEntropy();

        out.printf("backend: %s%n", Backends.current().name());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Tensor hidden = x.matmul(w1.value()).add(b1.value()).tanh();
            Tensor logits = hidden.matmul(w2.value()).add(b2.value());
            Tensor l = loss.compute(logits, y);
            optimizer.zeroGrad();
            l.backward();
            optimizer.step();
            out.printf(Locale.ROOT, "Epoch %d, Loss: %.6f%n", epoch, l.item());
        }
        try (var noGrad = Autograd.noGrad()) {
            Tensor logits = x.matmul(w1.value()).add(b1.value()).tanh().matmul(w2.value()).add(b2.value());
            int[] predicted = logits.argmax(1).toIntArray();
            int correct = 0;
            for (int i = 0; i < 4; i++) {
                correct += predicted[i] == y.toIntArray()[i] ? 1 : 0;
            }
            out.printf(Locale.ROOT, "Accuracy: %.1f%% (%d/4)%n", 100.0 * correct / 4, correct);
            return correct == 4 ? 0 : 1;
        }
    }
}
