package dev.kiln.examples.mnist;

import dev.kiln.core.backend.Backend;
import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.examples.Bench;
import dev.kiln.examples.Options;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.SGD;
import dev.kiln.supervised.train.GradientTrainer;
import dev.kiln.supervised.train.History;
import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seconds per epoch of the seed setup (MLP 784-128-10, SGD 0.01, batch 64, shuffled) on the real
 * MNIST training set: one warm-up epoch, then {@code --epochs=N} timed epochs (default 9, the rest
 * of the seed's 10: the JIT compiler still works through the first epochs after warm-up, and the
 * figure counts that as a real run pays it). The time covers the training loop (batching,
 * forward, backward, update), not loading the files. {@code --normalize} standardises the pixels
 * (no zeros left), to show what the sparse input is worth.
 * Compare with benchmarks/peers/mnist_mlp_torch.py, which prints the same keys.
 */
public final class MnistMlpEpochBench implements Bench {
    @Override
    public String name() {
        return "mnist-mlp-epoch";
    }

    @Override
    public String description() {
        return "seconds per epoch of the seed MNIST MLP (after one warm-up epoch)";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().integer("epochs", 9, "timed epochs after the warm-up")
                .flag("normalize", "normalise pixels with MNIST mean/std like the PyTorch program");
    }

    @Override
    public Map<String, Object> run(Options options) throws Exception {
        int timed = options.integer("epochs");
        MnistFiles.ensure(Mnist.DIGITS, System.err);
        // the seed program's ToTensor() pixels (81% exact zeros, which tensor-cpu's GEMM skips), or
        // with --normalize its Normalize((0.1307,), (0.3081,)) variant, which has no zeros
        boolean normalize = options.flag("normalize");
        Normalization norm = normalize ? Normalization.pixels(0.1307f, 0.3081f) : Normalization.UNIT;
        ImageDataset train = Mnist.DIGITS.train(norm).reshaped(784);
        // process CPU time (all threads, JIT and GC included) over the timed epochs: on a shared
        // machine it says how much work an epoch took when wall time says how long it waited
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[2];
        TrainingListener cpuClock = new TrainingListener() {
            @Override
            public void onEpochStart(TrainingContext context, int epoch) {
                if (epoch == 2) {
                    cpu[0] = os.getProcessCpuTime();
                }
            }

            @Override
            public void onTrainingEnd(TrainingContext context) {
                cpu[1] = os.getProcessCpuTime();
            }
        };
        History h = GradientTrainer.builder(rng -> Sequential.builder(784).dense(128).relu().dense(10).build(rng))
                .loss(new CrossEntropy()).optimizer(m -> new SGD(m, 0.01))
                .epochs(1 + timed).batchSize(64).seed(42).build().train(train, cpuClock).history();
        double perEpoch = secondsAfterWarmUp(h) / timed;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds_per_epoch", round(perEpoch, 3));
        out.put("samples_per_s", Math.round(train.size() / perEpoch));
        out.put("cpu_seconds_per_epoch", round((cpu[1] - cpu[0]) / 1e9 / timed, 3));
        out.put("backend", Backends.current().name());
        out.put("input", normalize ? "normalized" : "to_tensor");
        out.put("threads", Bench.threads(Backends.current()));
        out.put("epochs_timed", timed);
        out.put("final_loss", round(h.last().get("loss"), 4));
        return out;
    }

    /** Seconds of every epoch but the first (the warm-up). */
    static double secondsAfterWarmUp(History h) {
        double seconds = 0;
        for (History.Epoch e : h.epochs().subList(1, h.epochs().size())) {
            seconds += e.get("seconds");
        }
        return seconds;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
