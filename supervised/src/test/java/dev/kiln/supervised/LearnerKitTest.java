package dev.kiln.supervised;

import dev.kiln.conformance.learner.LearnerConformanceKit;
import dev.kiln.core.component.Components;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every classifier and regressor this module registers keeps the learner contract. */
class LearnerKitTest {
    @TestFactory
    List<DynamicNode> classifiers() {
        return LearnerConformanceKit.classifiers(Components.of(new SupervisedComponents()));
    }

    @TestFactory
    List<DynamicNode> regressors() {
        return LearnerConformanceKit.regressors(Components.of(new SupervisedComponents()));
    }
}
