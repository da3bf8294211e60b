/**
 * Loaders for datasets in the Kiln data cache ({@code $KILN_DATA}), e.g. scikit-learn's toy sets
 * fetched by {@code scripts/fetch-data.sh sklearn}.
 */
package dev.kiln.core.data.sets;
