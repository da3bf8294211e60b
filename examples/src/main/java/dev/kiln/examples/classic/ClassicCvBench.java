package dev.kiln.examples.classic;

import dev.kiln.core.data.sets.SklearnDatasets;
import dev.kiln.examples.Bench;
import dev.kiln.supervised.classic.ClassicCvSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kiln bench classic-cv [--seed 42] [--folds DIR]}: the {@link ClassicCvSuite} table
 * (accuracy and total fit milliseconds over the 5 folds, per dataset and model). With
 * {@code --folds DIR} it writes {@code DIR/<dataset>.folds} (one fold number per row) for
 * {@code benchmarks/peers/classic_sklearn.py --folds DIR}, which prints the same keys. The whole
 * table runs once untimed first ({@code --warmup 0} skips it) so fit times exclude JIT compilation;
 * {@code <dataset>.tree_seeds10.accuracy} is the tree's mean over seeds 0..9.
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
    public Map<String, Object> run(List<String> args) throws IOException {
        long seed = 42;
        Path foldsDir = null;
        int warmup = 1;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--folds" -> foldsDir = Path.of(value(args, ++i, "--folds"));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, "--warmup"));
                default -> throw new IllegalArgumentException("classic-cv: unknown argument '" + args.get(i)
                        + "' (expected --seed N, --folds DIR, --warmup N)");
            }
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
            double mean = ClassicCvSuite.treeSeedMean(data, dataset, seed, 10);
            out.put(dataset + ".tree_seeds10.accuracy", Math.round(mean * 10_000) / 10_000.0);
        }
        return out;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("classic-cv: " + flag + " needs a value");
        }
        return args.get(i);
    }
}
