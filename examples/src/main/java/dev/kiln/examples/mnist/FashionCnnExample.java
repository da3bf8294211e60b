package dev.kiln.examples.mnist;

import dev.kiln.core.data.Mnist;
import dev.kiln.examples.Example;
import dev.kiln.examples.Options;
import java.io.PrintStream;

/** The {@code mnist-cnn} network and training setup on Fashion-MNIST. {@code --epochs=N}. */
public final class FashionCnnExample implements Example {
    @Override
    public String name() {
        return "fashion-cnn";
    }

    @Override
    public String description() {
        return "the same small CNN with Adam on Fashion-MNIST (clothing images)";
    }

    @Override
    public Options.Spec options() {
        return CnnProgram.options();
    }

    @Override
    public int run(Options options, PrintStream out) throws Exception {
        return CnnProgram.run(name(), Mnist.FASHION, options, out);
    }
}
