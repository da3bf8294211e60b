package dev.kiln.supervised;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.tensor.Tensor;
import dev.kiln.supervised.loss.Losses;
import dev.kiln.supervised.nn.Init;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.optim.SGD;
import org.junit.jupiter.api.Test;

/** Small complete fits: layers, losses and optimizers together must actually learn. */
class EndToEndFitTest {
    /** Two concentric rings (radius 1 and 2, noise 0.15): not linearly separable. */
    private static Tensor[] rings(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double angle = rng.nextDouble() * 2 * Math.PI;
            double radius = 1 + label + 0.15 * rng.nextGaussian();
            x[2 * i] = (float) (radius * Math.cos(angle));
            x[2 * i + 1] = (float) (radius * Math.sin(angle));
            y[i] = label;
        }
        return new Tensor[] {Tensor.fromArray(x, n, 2), Tensor.fromArray(y, n)};
    }

    private static double accuracy(Sequential model, Tensor x, Tensor y) {
        model.eval();
        try (var ignored = Autograd.noGrad()) {
            int[] predicted = model.forward(x).argmax(1).toIntArray();
            int[] truth = y.toIntArray();
            int correct = 0;
            for (int i = 0; i < truth.length; i++) {
                correct += predicted[i] == truth[i] ? 1 : 0;
            }
            model.train(true);
            return correct / (double) truth.length;
        }
    }

    private static void fit(Sequential model, Optimizer opt, Loss loss, Tensor x, Tensor y, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            loss.compute(model.forward(x), y).backward();
            opt.step();
        }
    }

    @Test
    void mlpWithAdamSeparatesRings() {
        Tensor[] train = rings(256, 1);
        Tensor[] test = rings(256, 2);
        Sequential model = Sequential.builder(2).init(Init.HE_NORMAL).dense(16).relu().dense(16).relu().dense(2)
                .build(new Rng(3));
        assertThat(accuracy(model, test[0], test[1])).isLessThan(0.8);
        fit(model, new Adam(model, 0.03), Losses.crossEntropy(), train[0], train[1], 150);
        assertThat(accuracy(model, test[0], test[1])).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void mlpWithDropoutBatchNormAndNesterovSgd() {
        Tensor[] train = rings(128, 4);
        Tensor[] test = rings(256, 5);
        Sequential model = Sequential.builder(2).dense(16).batchNorm().tanh().dropout(0.1).dense(2).build(new Rng(6));
        fit(model, new SGD(model, 0.2).momentum(0.9).nesterov(true), Losses.crossEntropy(), train[0], train[1], 120);
        assertThat(accuracy(model, test[0], test[1])).isGreaterThanOrEqualTo(0.95);
    }

    /** 6x6 images holding one horizontal or one vertical bar of ones at a random row/column, plus noise. */
    private static Tensor[] bars(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * 36];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int line = rng.nextInt(6);
            for (int p = 0; p < 36; p++) {
                int r = p / 6;
                int c = p % 6;
                boolean on = label == 0 ? r == line : c == line;
                x[i * 36 + p] = (on ? 1f : 0f) + (float) (0.2 * rng.nextGaussian());
            }
            y[i] = label;
        }
        return new Tensor[] {Tensor.fromArray(x, n, 1, 6, 6), Tensor.fromArray(y, n)};
    }

    @Test
    void smallCnnLearnsBarOrientation() {
        Tensor[] train = bars(64, 7);
        Tensor[] test = bars(64, 8);
        Sequential cnn = Sequential.builder(1, 6, 6).conv2d(4, 3, 1, 1).relu().maxPool2d(2).flatten().dense(2)
                .build(new Rng(9));
        fit(cnn, new Adam(cnn, 0.02), Losses.crossEntropy(), train[0], train[1], 60);
        assertThat(accuracy(cnn, test[0], test[1])).isGreaterThanOrEqualTo(0.95);
    }
}
