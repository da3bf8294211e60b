package dev.kiln.examples.mnist;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.History;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Milliseconds per training step of the {@code mnist-cnn} example's network (Adam, batch 64) on
 * the first {@code --images=N} MNIST training images (default 2,560: 40 steps an epoch), one
 * warm-up epoch, then {@code --epochs=E} timed ones (default 3). A whole CNN epoch takes a minute
 * or more; this measures the same steps in seconds.
 */
public final class MnistCnnStepBench implements Bench {
    @Override
    public String name() {
        return "mnist-cnn-step";
    }

    @Override
    public String description() {
        return "milliseconds per training step of the mnist-cnn example's network (batch 64, Adam)";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("images", 64 * 40, "training images per timed epoch")
                .integer("epochs", 3, "timed epochs after the warm-up");
    }

    @Override
    public Map<String, Object> run(Options options) throws Exception {
        int images = options.integer("images");
        int timed = options.integer("epochs");
        MnistFiles.ensure(Mnist.DIGITS, System.err);
        ImageDataset all = Mnist.DIGITS.train(Normalization.pixels(0.5f, 0.5f));
        if (images < 64 || images > all.size()) {
            throw new IllegalArgumentException("--images must be in [64, " + all.size() + "], got " + images);
        }
        Dataset train = all.subset(IntStream.range(0, images).toArray());
        History h = GradientTrainer.builder(CnnProgram::network).loss(new CrossEntropy())
                .optimizer(m -> new Adam(m, 1e-3)).epochs(1 + timed).batchSize(64).seed(42).build()
                .train(train).history();
        double seconds = MnistMlpEpochBench.secondsAfterWarmUp(h);
        int steps = (images + 63) / 64 * timed;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ms_per_step", MnistMlpEpochBench.round(seconds / steps * 1e3, 1));
        out.put("samples_per_s", Math.round(images * timed / seconds));
        out.put("backend", Backends.current().name());
        out.put("threads", Bench.threads(Backends.current()));
        out.put("steps_timed", steps);
        out.put("final_loss", MnistMlpEpochBench.round(h.last().get("loss"), 4));
        return out;
    }
}
