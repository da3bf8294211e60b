/**
 * Losses beyond core's MSE and cross-entropy (binary cross-entropy on logits, Huber, hinge) and
 * L1/L2 penalties over parameters; {@link dev.kiln.supervised.loss.Losses} lists them all.
 */
package dev.kiln.supervised.loss;
