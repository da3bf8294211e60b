package dev.kiln.reinforcement.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.train.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCurveTest {
    @Test
    void windowsAverageTheEpisodes() {
        EpisodeLog log = new EpisodeLog();
        TrainingContext c = new TrainingContext("t", 4, 0);
        log.onTrainingStart(c);
        for (int e = 1; e <= 4; e++) {
            log.onEpochEnd(c, e, Map.of("return", (double) e, "success", e > 2 ? 1.0 : 0.0, "length", 10.0 * e,
                    "epsilon", 1.0 / e, "greedy_success", e == 4 ? 1.0 : 0.0));
        }
        log.onTrainingEnd(c);
        assertThat(log.firstSuccess()).isEqualTo(3);
        assertThat(log.firstGreedySolve()).isEqualTo(4);
        assertThat(log.recentMean("return", 2)).isEqualTo(3.5);
        assertThat(LearningCurve.table(log, 2)).isEqualTo("""
                episodes          return   success    length  epsilon
                1-2                1.500        0%      15.0    0.500
                3-4                3.500      100%      35.0    0.250
                """);
    }
}
