package dev.kiln.reinforcement.train;

import java.util.Locale;

/** A learning curve as a short text table: episodes in equal windows, with mean figures per window. */
public final class LearningCurve {
    private LearningCurve() {
    }

    /** At most {@code rows} windows: episodes, mean return, success rate, mean length, ε at the window's end. */
    public static String table(EpisodeLog log, int rows) {
        int n = log.episodeCount();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-13s %10s %9s %9s %8s%n",
                "episodes", "return", "success", "length", "epsilon"));
        if (n == 0) {
            return sb.toString();
        }
        int window = Math.max(1, (n + rows - 1) / rows);
        double[] ret = log.series(EpisodeTrainer.RETURN);
        double[] success = log.series(EpisodeTrainer.SUCCESS);
        double[] length = log.series(EpisodeTrainer.LENGTH);
        double[] eps = log.series(EpisodeTrainer.EPSILON);
        for (int start = 0; start < n; start += window) {
            int end = Math.min(n, start + window);
            sb.append(String.format(Locale.ROOT, "%-13s %10.3f %8.0f%% %9.1f %8.3f%n", (start + 1) + "-" + end,
                    mean(ret, start, end), 100 * mean(success, start, end), mean(length, start, end), eps[end - 1]));
        }
        return sb.toString();
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
