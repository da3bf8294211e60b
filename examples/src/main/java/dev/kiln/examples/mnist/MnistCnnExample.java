package dev.kiln.examples.mnist;

import dev.kiln.core.data.Mnist;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import java.io.PrintStream;

/** A small CNN with Adam on MNIST (two conv/pool blocks, dropout, early stopping). {@code --epochs=N}. */
public final class MnistCnnExample implements Example {
    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String description() {
        return "a small CNN with Adam on MNIST, with validation, early stopping and checkpoints";
    }

    @Override
    public Options.Spec options() {
        return CnnProgram.options();
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        return CnnProgram.run(name(), Mnist.DIGITS, options, out);
    }
}
