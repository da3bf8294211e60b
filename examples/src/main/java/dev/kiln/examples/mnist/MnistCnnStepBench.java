package dev.kiln.examples.mnist;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.examples.Bench;
import dev.kiln.supervised.optim.Adam;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.History;
import java.util.LinkedHashMap;
import java.util.List;
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
    public Map<String, Object> run(List<String> args) throws Exception {
        int images = MnistFiles.intArg(args, "images", 64 * 40);
        int timed = MnistFiles.intArg(args, "epochs", 3);
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
        out.put("threads", MnistMlpEpochBench.threads(Backends.current()));
        out.put("steps_timed", steps);
        out.put("final_loss", MnistMlpEpochBench.round(h.last().get("loss"), 4));
        return out;
    }
}
