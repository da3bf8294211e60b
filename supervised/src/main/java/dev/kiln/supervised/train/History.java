package dev.kiln.supervised.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric of every epoch, plus the over/underfitting reading: {@code gap} (validation loss
 * minus training loss), {@code gap_trend} (least-squares slope of the gap over the last
 * {@value #TREND_WINDOW} epochs) and a {@link FitSignal}. Saved as {@code history.json}.
 */
public final class History {
    static final int TREND_WINDOW = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One epoch: named metrics and, with validation data, the fit reading. */
    public record Epoch(int epoch, Map<String, Double> metrics, FitSignal fit) {
        public double get(String metric) {
            Double v = metrics.get(metric);
            if (v == null) {
                throw new IllegalArgumentException("epoch " + epoch + " has no metric '" + metric + "'; it has "
                        + metrics.keySet());
            }
            return v;
        }
    }

    private final long seed;
    private final List<Epoch> epochs = new ArrayList<>();
    private String stopReason;
    private Integer restoredEpoch;

    public History(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public Epoch last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history is empty");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** Values of one metric, epoch by epoch. */
    public double[] series(String metric) {
        return epochs.stream().mapToDouble(e -> e.get(metric)).toArray();
    }

    /** Why training stopped before its planned epochs (early stopping), or null. */
    public String stopReason() {
        return stopReason;
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    /** The epoch whose weights were restored at the end (early stopping), or null. */
    public Integer restoredEpoch() {
        return restoredEpoch;
    }

    void restoredEpoch(int epoch) {
        this.restoredEpoch = epoch;
    }

    /**
     * Appends an epoch; when {@code metrics} has {@code loss} and {@code val_loss}, adds
     * {@code gap} and {@code gap_trend} and assesses the fit.
     */
    public Epoch add(int epoch, Map<String, Double> metrics) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        FitSignal fit = null;
        if (m.containsKey("loss") && m.containsKey("val_loss")) {
            double gap = m.get("val_loss") - m.get("loss");
            m.put("gap", gap);
            double[] gaps = new double[Math.min(TREND_WINDOW, epochs.size() + 1)];
            for (int i = 0; i < gaps.length - 1; i++) {
                gaps[i] = epochs.get(epochs.size() - gaps.length + 1 + i).get("gap");
            }
            gaps[gaps.length - 1] = gap;
            double trend = slope(gaps);
            m.put("gap_trend", trend);
            fit = assess(m, trend);
        }
        Epoch e = new Epoch(epoch, Collections.unmodifiableMap(m), fit);
        epochs.add(e);
        return e;
    }

    private FitSignal assess(Map<String, Double> m, double trend) {
        double val = m.get("val_loss");
        double loss = m.get("loss");
        double bestVal = epochs.stream().mapToDouble(e -> e.get("val_loss")).min().orElse(Double.POSITIVE_INFINITY);
        if (val > bestVal && trend > 0) {
            return FitSignal.OVERFITTING;
        }
        boolean learning = epochs.isEmpty()
                || last().get("loss") - loss > FitSignal.STILL_LEARNING * Math.abs(last().get("loss"));
        return val <= loss && learning ? FitSignal.UNDERFITTING : FitSignal.GOOD_FIT;
    }

    /** Least-squares slope of {@code y} against 0, 1, 2, ...; 0 for a single point. */
    static double slope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - mx) * (y[i] - my);
            den += (i - mx) * (i - mx);
        }
        return num / den;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("seed", seed);
        ArrayNode arr = root.putArray("epochs");
        for (Epoch e : epochs) {
            ObjectNode o = arr.addObject();
            o.put("epoch", e.epoch());
            e.metrics().forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    o.put(k, v);
                }
            });
            if (e.fit() != null) {
                o.put("fit", e.fit().key());
            }
        }
        root.put("stop_reason", stopReason);
        if (restoredEpoch != null) {
            root.put("restored_epoch", restoredEpoch);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history: cannot write JSON", e);
        }
    }

    /** Writes {@link #toJson()} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Parses {@link #toJson()} output (checkpoints carry the history so far). */
    public static History fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            History h = new History(root.get("seed").asLong());
            for (JsonNode e : root.get("epochs")) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (f.getValue().isNumber() && !f.getKey().equals("epoch")) {
                        m.put(f.getKey(), f.getValue().asDouble());
                    }
                }
                JsonNode fit = e.get("fit");
                h.epochs.add(new Epoch(e.get("epoch").asInt(), Collections.unmodifiableMap(m),
                        fit == null ? null : FitSignal.valueOf(fit.asText().toUpperCase(java.util.Locale.ROOT))));
            }
            JsonNode stop = root.get("stop_reason");
            h.stopReason = stop == null || stop.isNull() ? null : stop.asText();
            return h;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("history: not a Kiln history JSON document: " + e.getMessage(), e);
        }
    }
}
