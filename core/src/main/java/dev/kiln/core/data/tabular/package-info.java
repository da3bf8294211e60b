/**
 * Tabular data: an immutable {@link dev.kiln.core.data.tabular.DataFrame} of numeric and
 * categorical columns, a CSV reader, fit/transform preparation steps (scalers, imputer, encoders),
 * row cleaning, and {@link dev.kiln.core.data.tabular.Pipeline}s that end in a model trainer.
 * Design notes: docs/adr/0007-tabular-data.md.
 */
package dev.kiln.core.data.tabular;
