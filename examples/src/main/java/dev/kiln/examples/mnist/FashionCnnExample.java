package dev.kiln.examples.mnist;

import dev.kiln.core.data.Mnist;
import dev.kiln.examples.Example;
import java.io.PrintStream;
import java.util.List;

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
    public int run(List<String> args, PrintStream out) throws Exception {
        return CnnProgram.run(name(), Mnist.FASHION, args, out);
    }
}
