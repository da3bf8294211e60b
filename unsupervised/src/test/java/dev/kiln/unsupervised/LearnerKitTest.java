package dev.kiln.unsupervised;

import dev.kiln.conformance.learner.LearnerConformanceKit;
import dev.kiln.core.component.Components;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every clusterer this module registers keeps the learner contract. */
class LearnerKitTest {
    @TestFactory
    List<DynamicNode> clusterers() {
        return LearnerConformanceKit.clusterers(Components.of(new UnsupervisedComponents()), Points::of);
    }
}
