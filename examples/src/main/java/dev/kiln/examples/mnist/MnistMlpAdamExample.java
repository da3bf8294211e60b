package dev.kiln.examples.mnist;

import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.CheckpointListener;
import dev.kiln.supervised.train.EarlyStopping;
import dev.kiln.supervised.train.Evaluation;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.ProgressBarListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A wider MLP (784-512-512-10, dropout 0.2) with Adam on MNIST, checkpointing every epoch.
 * {@code --epochs=N} (default 15); {@code --resume} continues from the newest checkpoint in
 * {@code .kiln/runs/mnist-mlp-adam/checkpoints} — kill the run at any point and resume it: the
 * final weights are the ones an uninterrupted run would have produced.
 */
public final class MnistMlpAdamExample implements Example {
    @Override
    public String name() {
        return "mnist-mlp-adam";
    }

    @Override
    public String description() {
        return "MLP 784-512-512-10 with dropout and Adam on MNIST; checkpoints every epoch, --resume";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("epochs", 15, "passes over the training set")
                .flag("resume", "continue from the newest checkpoint");
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        MnistFiles.ensure(Mnist.DIGITS, out);
        Normalization norm = Normalization.pixels(0.1307f, 0.3081f);
        ImageDataset train = Mnist.DIGITS.train(norm).reshaped(784);
        ImageDataset test = Mnist.DIGITS.test(norm).reshaped(784);
        Path runDir = Path.of(System.getProperty("kiln.home", "."), ".kiln", "runs", name());
        Path checkpoints = runDir.resolve("checkpoints");

        var builder = GradientTrainer.builder(rng -> Sequential.builder(784)
                        .dense(512).relu().dropout(0.2).dense(512).relu().dropout(0.2).dense(10).build(rng))
                .loss(new CrossEntropy())
                .optimizer(model -> new Adam(model, 1e-3))
                .epochs(options.integer("epochs")).batchSize(128).seed(42)
                .validationSplit(1.0 / 12)
                .listener(new ProgressBarListener())
                .listener(EarlyStopping.on("val_loss").patience(3).restoreBestWeights(true))
                .listener(new CheckpointListener(checkpoints, 1))
                .historyFile(runDir.resolve("history.json"));
        if (options.flag("resume")) {
            var latest = CheckpointListener.latest(checkpoints);
            if (latest.isPresent()) {
                out.println("resuming from " + latest.get());
                builder.resumeFrom(latest.get());
            }
        }
        var fitted = builder.build().train(train);
        fitted.history().epochs().forEach(e -> out.printf(Locale.ROOT,
                "Epoch %d, Loss: %.4f, val_accuracy: %.2f%%, %s%n", e.epoch(), e.get("loss"),
                100 * e.get("val_accuracy"), e.fit().key()));
        Evaluation result = Evaluation.of(fitted.model(), new CrossEntropy(), test, 1000);
        out.printf(Locale.ROOT, "Test accuracy: %.2f%%%n", 100 * result.accuracy());
        return 0;
    }
}
