/** Supervised learning: neural-network layers and training, and classic models. */
package dev.kiln.supervised;
