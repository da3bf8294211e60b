package com.example.consumer;

import dev.kiln.core.backend.Backends;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.data.ImageDataset;
import dev.kiln.core.data.Mnist;
import dev.kiln.core.data.Normalization;
import dev.kiln.core.nn.CrossEntropy;
import dev.kiln.supervised.nn.Sequential;
import dev.kiln.supervised.optim.SGD;
import dev.kiln.supervised.train.Evaluation;
import dev.kiln.supervised.train.GradientTrainer;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A user's program: the MNIST MLP 784-128-10 for one short epoch on the first N training images
 * (default 12000), then test accuracy. Exit code 3 when MNIST is not in the dataset cache.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        if (!Mnist.DIGITS.isAvailable()) {
            System.err.println("MNIST is not in " + Mnist.DIGITS.directory() + "; fetch it with " + Mnist.DIGITS.fetchCommand());
            System.exit(3);
        }
        ImageDataset all = Mnist.DIGITS.train(Normalization.UNIT).reshaped(784);
        Dataset train = all.subset(IntStream.range(0, Math.min(images, all.size())).toArray());
        Dataset test = Mnist.DIGITS.test(Normalization.UNIT).reshaped(784);

        long t0 = System.nanoTime();
        Sequential model = GradientTrainer.builder(rng -> Sequential.builder(784).dense(128).relu().dense(10).build(rng))
                .loss(new CrossEntropy())
                .optimizer(m -> new SGD(m, 0.05))
                .epochs(1).batchSize(64).seed(42)
                .build()
                .fit(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation result = Evaluation.of(model, new CrossEntropy(), test, 1000);
        System.out.printf(Locale.ROOT, "backend %s: one epoch on %d images in %.2f s, test accuracy %.2f%%%n",
                Backends.current().name(), train.size(), seconds, 100 * result.accuracy());
    }
}
