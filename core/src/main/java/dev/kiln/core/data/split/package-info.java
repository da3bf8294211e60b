/**
 * Seeded splits of row indices: train/validation/test (plain or stratified), k-fold and stratified
 * k-fold (scikit-learn's fold assignment), plus cross-validation and row-subset helpers.
 */
package dev.kiln.core.data.split;
