package dev.kiln.core.data.sets;

import dev.kiln.core.data.tabular.DataFrame;
import dev.kiln.core.ml.ClassificationSet;
import java.util.List;

/**
 * A labelled classification dataset: numeric feature columns, class indices {@code 0..k-1} and
 * the class names ({@code classNames.get(k)} names class {@code k}).
 */
public record ClassificationData(String name, DataFrame features, int[] labels, List<String> classNames) {
    public ClassificationData {
        if (features.rowCount() != labels.length) {
            throw new IllegalArgumentException(name + ": " + features.rowCount() + " rows but " + labels.length
                    + " labels");
        }
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Features as {@code double[rows][columns]} with the labels. */
    public ClassificationSet toClassificationSet() {
        return new ClassificationSet(features.toFeatures(), labels.clone());
    }
}
