package dev.kiln.core.ml;

/**
 * Data whose rows can be taken by index: what cross-validation, splits and bootstraps need from a
 * training set, whatever its targets (class labels, real values, none).
 *
 * @param <S> the data type itself, so a subset has the same type
 */
public interface RowSubsets<S extends RowSubsets<S>> {
    int size();

    /** The rows at {@code indices}, in that order (fails on an index outside {@code [0, size())}). */
    S rows(int[] indices);
}
