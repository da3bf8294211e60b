/**
 * Neural-network layers built from core tensor ops: {@link dev.kiln.supervised.nn.Dense},
 * {@link dev.kiln.supervised.nn.Conv2D}, pooling, {@link dev.kiln.supervised.nn.Flatten},
 * {@link dev.kiln.supervised.nn.Dropout}, batch normalisation, activations, and the
 * {@link dev.kiln.supervised.nn.Sequential} container with its shape-inferring builder:
 * <pre>{@code
 * Sequential mlp = Sequential.builder(784).dense(128).relu().dense(10).build(new Rng(42));
 * Sequential cnn = Sequential.builder(1, 28, 28)
 *         .conv2d(32, 3, 1, 1).relu().maxPool2d(2)
 *         .conv2d(64, 3, 1, 1).relu().maxPool2d(2)
 *         .flatten().dense(128).relu().dropout(0.25).dense(10).build(new Rng(42));
 * }</pre>
 * See docs/adr/0006-layers.md for the convolution design.
 */
package dev.kiln.supervised.nn;
