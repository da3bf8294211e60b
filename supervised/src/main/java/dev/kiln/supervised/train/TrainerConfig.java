package dev.kiln.supervised.train;

import dev.kiln.core.data.Batch;
import dev.kiln.core.data.Dataset;
import dev.kiln.core.nn.Loss;
import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.tensor.Rng;
import dev.kiln.core.train.TrainingListener;
import dev.kiln.supervised.optim.LrSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The hyper-parameters of a {@link GradientTrainer}, checked by its builder. */
record TrainerConfig<M extends Model>(Function<Rng, M> model, String modelConfig, Loss loss,
                                      Function<? super M, ? extends Optimizer> optimizer, LrSchedule schedule,
                                      int epochs, int batchSize, int evalBatchSize, long seed,
                                      double validationFraction, Dataset validation, List<TrainingListener> listeners,
                                      Path historyFile, Path resumeFrom, boolean recycleStepMemory,
                                      Consumer<TrainingStep.Builder<Batch>> stepOptions, int accumulation,
                                      double divergenceFactor) {
}
