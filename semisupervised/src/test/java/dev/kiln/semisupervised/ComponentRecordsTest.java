package dev.kiln.semisupervised;

import dev.kiln.conformance.learner.LearnerConformanceKit;
import dev.kiln.core.component.Component;
import dev.kiln.core.component.Components;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The record part of the learner kit for this module's components (their data type, a labelled
 * plus an unlabelled part, is not one the kit's classifier checks fit yet).
 */
class ComponentRecordsTest {
    @TestFactory
    List<DynamicNode> everyComponentsRecord() {
        List<DynamicNode> out = new ArrayList<>();
        for (Component<?, ?> c : Components.of(new SemiSupervisedComponents()).all()) {
            out.add(DynamicContainer.dynamicContainer(c.key(), LearnerConformanceKit.recordChecks(c)));
        }
        return out;
    }
}
