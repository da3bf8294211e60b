package dev.kiln.reinforcement.train;

import dev.kiln.core.train.TrainingContext;
import dev.kiln.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps every episode's metrics: the learning curve, episodes to first success, why training stopped. */
public final class EpisodeLog implements TrainingListener {
    private final List<Map<String, Double>> episodes = new ArrayList<>();
    private String stopReason;

    @Override
    public void onTrainingStart(TrainingContext context) {
        episodes.clear();
        stopReason = null;
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> metrics) {
        episodes.add(Map.copyOf(metrics));
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        stopReason = context.stopReason();
    }

    /** Metrics of episode {@code k} (1-based, as reported to listeners). */
    public Map<String, Double> episode(int k) {
        return episodes.get(k - 1);
    }

    public int episodeCount() {
        return episodes.size();
    }

    /** The values of one metric over all episodes (NaN where an episode did not report it). */
    public double[] series(String metric) {
        return episodes.stream().mapToDouble(m -> m.getOrDefault(metric, Double.NaN)).toArray();
    }

    /** First episode (1-based) whose behaviour episode reached the goal, or -1. */
    public int firstSuccess() {
        return firstWhere(EpisodeTrainer.SUCCESS, 1.0);
    }

    /** First episode (1-based) after which the greedy policy succeeded every evaluation episode, or -1. */
    public int firstGreedySolve() {
        return firstWhere(EpisodeTrainer.GREEDY_SUCCESS, 1.0);
    }

    private int firstWhere(String metric, double atLeast) {
        for (int k = 0; k < episodes.size(); k++) {
            Double v = episodes.get(k).get(metric);
            if (v != null && v >= atLeast) {
                return k + 1;
            }
        }
        return -1;
    }

    /** The trainer's reason for stopping early ("solved ..."), or null if it ran all episodes. */
    public String stopReason() {
        return stopReason;
    }

    /** Mean of {@code metric} over the last {@code n} episodes that reported it. */
    public double recentMean(String metric, int n) {
        double sum = 0;
        int count = 0;
        for (int k = episodes.size() - 1; k >= 0 && count < n; k--) {
            Double v = episodes.get(k).get(metric);
            if (v != null) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
