package dev.kiln.examples.mnist;

import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.SGD;
import dev.kiln.supervised.train.Evaluation;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.ProgressBarListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The classic PyTorch MNIST program in Kiln: an MLP 784-128-10 with ReLU, cross-entropy, SGD at
 * learning rate 0.01, batches of 64, 10 shuffled epochs; prints the mean loss per epoch and the
 * test accuracy. {@code --epochs=N} changes the number of epochs. See docs/mnist.md.
 */
public final class MnistMlpExample implements Example {
    @Override
    public String name() {
        return "mnist-mlp";
    }

    @Override
    public String description() {
        return "the classic PyTorch MNIST MLP (784-128-10, SGD 0.01, batch 64, 10 epochs)";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("epochs", 10, "passes over the training set");
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        MnistFiles.ensure(Mnist.DIGITS, out);
        ImageDataset train = Mnist.DIGITS.train(Normalization.UNIT).reshaped(784);
        ImageDataset test = Mnist.DIGITS.test(Normalization.UNIT).reshaped(784);

        var trainer = GradientTrainer.builder(rng -> Sequential.builder(784).dense(128).relu().dense(10).build(rng))
                .loss(new CrossEntropy())
                .optimizer(model -> new SGD(model, 0.01))
                .epochs(options.integer("epochs")).batchSize(64).seed(42)
                .listener(new ProgressBarListener())
                .build();
        Sequential model = trainer.fit(train, new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> metrics) {
                out.printf(Locale.ROOT, "Epoch %d, Loss: %.4f%n", epoch, metrics.get("loss"));
            }
        });

        Evaluation result = Evaluation.of(model, new CrossEntropy(), test, 1000);
        out.printf(Locale.ROOT, "Test accuracy: %.2f%%%n", 100 * result.accuracy());
        return 0;
    }
}
