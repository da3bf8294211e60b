package dev.kiln.supervised.ensemble;

import dev.kiln.core.ml.Classifier;
import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;
import java.util.ArrayList;
import java.util.List;

/** A fitted voting ensemble: each member as a child model, with the weights and the voting rule. */
public final class VotingCodec implements ModelCodec<VotingClassifier.Fitted> {
    @Override
    public String name() {
        return "voting-classifier";
    }

    @Override
    public Class<VotingClassifier.Fitted> type() {
        return VotingClassifier.Fitted.class;
    }

    @Override
    public void write(VotingClassifier.Fitted m, ModelWriter out) {
        out.value("voting", m.voting().name()).value("classes", m.numClasses()).value("members", m.members().size())
                .array("weights", m.weights());
        for (int i = 0; i < m.members().size(); i++) {
            out.child("member" + i, m.members().get(i));
        }
    }

    @Override
    public VotingClassifier.Fitted read(ModelReader in) {
        List<Classifier> members = new ArrayList<>();
        for (int i = 0; i < in.intValue("members"); i++) {
            members.add(in.child("member" + i, Classifier.class));
        }
        return new VotingClassifier.Fitted(members, in.doubles("weights"), VotingClassifier.Voting.valueOf(in.string("voting")),
                in.intValue("classes"));
    }
}
