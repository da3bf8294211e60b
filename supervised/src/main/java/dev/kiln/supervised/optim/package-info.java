/**
 * Optimizers following PyTorch's update rules (SGD with momentum/Nesterov/weight decay, Adam,
 * AdamW, RMSProp) with checkpointable state, gradient clipping by global norm, and learning-rate
 * schedules:
 * <pre>{@code
 * Adam adam = new Adam(model, 1e-3);
 * adam.clipGradNorm(1.0);
 * LrSchedule schedule = LrSchedule.cosine(1e-3, epochs, 0).withWarmup(2);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     schedule.applyTo(adam, epoch);
 *     ... zeroGrad, forward, loss.backward(), adam.step() ...
 * }
 * }</pre>
 * Parameter groups give parts of a model their own rates ({@code adam.group("backbone", n ->
 * n.startsWith("0."), 1e-4)}); {@link dev.kiln.supervised.train.TrainingStep} runs the loop above.
 */
package dev.kiln.supervised.optim;
