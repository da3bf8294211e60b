package dev.kiln.supervised.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link StateDict#load} did, by model name: tensors loaded, model tensors the file lacked,
 * file tensors the model has no place for, tensors whose shapes differ, and file names the rules
 * dropped (by their name in the file).
 */
public record LoadReport(List<String> matched, List<String> missing, List<String> unexpected,
                         List<Mismatch> shapeMismatched, List<String> ignored) {
    public LoadReport {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        shapeMismatched = List.copyOf(shapeMismatched);
        ignored = List.copyOf(ignored);
    }

    /** A tensor whose shape in the model and in the file differ. */
    public record Mismatch(String name, int[] model, int[] file) {
        @Override
        public String toString() {
            return name + " (model " + Arrays.toString(model) + ", file " + Arrays.toString(file) + ")";
        }
    }

    /** Every model tensor loaded and every file tensor used. */
    public boolean isComplete() {
        return missing.isEmpty() && unexpected.isEmpty() && shapeMismatched.isEmpty();
    }

    /** One line naming every problem, e.g. {@code missing [2.bias]; unexpected [fc3.weight]}. */
    public String problems() {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + unexpected);
        }
        if (!shapeMismatched.isEmpty()) {
            parts.add("shape mismatch " + shapeMismatched);
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }
}
