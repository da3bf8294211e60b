package dev.kiln.examples.classic;

import dev.kiln.examples.Options;
import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.examples.Bench;
import dev.kiln.supervised.classic.ClassicCvSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kiln bench classic-cv [--seed 42] [--folds DIR] [--warmup 1] [--tree-seeds 10]}: the
 * {@link ClassicCvSuite} table
 * (accuracy and total fit milliseconds over the 5 folds, per dataset and model). With
 * {@code --folds DIR} it writes {@code DIR/<dataset>.folds} (one fold number per row) for
 * {@code benchmarks/peers/classic_sklearn.py --folds DIR}, which prints the same keys. The whole
 * table runs once untimed first ({@code --warmup 0} skips it) so fit times exclude JIT compilation;
 * {@code <dataset>.tree_seedsN.accuracy} is the tree's mean over seeds {@code 0..N-1} ({@code
 * --tree-seeds N}, default 10) and {@code <dataset>.tree_seedsN.per_seed} the list of per-seed
 * accuracies, to compare the two libraries' seed-to-seed distributions.
 */
public final class ClassicCvBench implements Bench {
    @Override
    public String name() {
        return "classic-cv";
    }

    @Override
    public String description() {
        return "5-fold CV accuracy + fit time: tree, forest, logistic regression, RBF SVM on iris/wine/breast cancer";
    }

    @Override
    public Options.Spec options() {
        return Options.spec().number("seed", 42, "seed of the fold split and the models")
                .string("folds", null, "also write each dataset's fold assignment into this directory")
                .integer("warmup", 1, "untimed runs of the whole suite first")
                .integer("tree-seeds", 10, "tree seeds averaged for the tree's accuracy");
    }

    @Override
    public Map<String, Object> run(Options options) throws IOException {
        long seed = options.number("seed");
        Path foldsDir = options.string("folds") == null ? null : Path.of(options.string("folds"));
        int warmup = options.integer("warmup");
        int treeSeeds = options.integer("tree-seeds");
        if (treeSeeds < 1) {
            throw new IllegalArgumentException("classic-cv: --tree-seeds must be at least 1, got " + treeSeeds);
        }
        SklearnDatasets data = SklearnDatasets.fromCache();
        if (foldsDir != null) {
            Files.createDirectories(foldsDir);
            for (String dataset : ClassicCvSuite.DATASETS) {
                int[] folds = ClassicCvSuite.folds(ClassicCvSuite.load(data, dataset), seed);
                StringBuilder sb = new StringBuilder();
                for (int f : folds) {
                    sb.append(f).append('\n');
                }
                Path target = foldsDir.resolve(dataset + ".folds");
                Path tmp = Files.createTempFile(foldsDir, dataset, ".tmp");
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (int w = 0; w < warmup; w++) {
            ClassicCvSuite.run(data, seed);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ClassicCvSuite.Score s : ClassicCvSuite.run(data, seed)) {
            out.put(s.dataset() + "." + s.model() + ".accuracy", Math.round(s.accuracy() * 10_000) / 10_000.0);
            out.put(s.dataset() + "." + s.model() + ".fit_ms", Math.round(s.fitSeconds() * 10_000) / 10.0);
        }
        for (String dataset : ClassicCvSuite.DATASETS) {
            double[] perSeed = ClassicCvSuite.treeSeedAccuracies(data, dataset, seed, treeSeeds);
            double sum = 0;
            List<Double> rounded = new ArrayList<>();
            for (double a : perSeed) {
                sum += a;
                rounded.add(Math.round(a * 10_000) / 10_000.0);
            }
            String key = dataset + ".tree_seeds" + treeSeeds;
            out.put(key + ".accuracy", Math.round(sum / treeSeeds * 10_000) / 10_000.0);
            out.put(key + ".per_seed", rounded);
        }
        return out;
    }
}
