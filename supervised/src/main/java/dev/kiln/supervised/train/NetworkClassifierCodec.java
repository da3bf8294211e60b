package dev.kiln.supervised.train;

import dev.kiln.core.model.ModelCodec;
import dev.kiln.core.model.ModelReader;
import dev.kiln.core.model.ModelWriter;
import dev.kiln.core.nn.Model;

/** A network used as a classifier: the network as a child ({@code network.*} arrays) and its input width. */
public final class NetworkClassifierCodec implements ModelCodec<NetworkClassifierModel> {
    @Override
    public String name() {
        return "network-classifier";
    }

    @Override
    public Class<NetworkClassifierModel> type() {
        return NetworkClassifierModel.class;
    }

    @Override
    public void write(NetworkClassifierModel m, ModelWriter out) {
        out.value("width", m.width()).child("network", m.network());
    }

    @Override
    public NetworkClassifierModel read(ModelReader in) {
        return new NetworkClassifierModel(in.child("network", Model.class), in.intValue("width"));
    }
}
