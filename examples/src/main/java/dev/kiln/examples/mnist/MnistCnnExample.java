package dev.kiln.examples.mnist;

import dev.kiln.core.data.Mnist;
import dev.kiln.examples.Example;
import java.io.PrintStream;
import java.util.List;

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
    public int run(List<String> args, PrintStream out) throws Exception {
        return CnnProgram.run(name(), Mnist.DIGITS, args, out);
    }
}
