package dev.kiln.core.data.split;

import java.util.Arrays;

/** Label bookkeeping shared by the stratified splitters. */
final class Labels {
    private Labels() {
    }

    /**
     * Re-codes labels as 0..k-1 in the order each class first appears (scikit-learn's
     * StratifiedKFold does the same, so the fold allocation below matches it).
     */
    static int[] encodeByFirstAppearance(int[] labels) {
        int max = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is negative");
            }
            max = Math.max(max, labels[i]);
        }
        int[] code = new int[max + 1];
        Arrays.fill(code, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (code[labels[i]] < 0) {
                code[labels[i]] = next++;
            }
            out[i] = code[labels[i]];
        }
        return out;
    }

    static int[] counts(int[] encoded) {
        int k = 0;
        for (int v : encoded) {
            k = Math.max(k, v + 1);
        }
        int[] c = new int[k];
        for (int v : encoded) {
            c[v]++;
        }
        return c;
    }

    /** Fisher–Yates shuffle in place with the seeded stream. */
    static void shuffle(int[] a, dev.kiln.core.tensor.Rng rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Rows whose fold id is / is not {@code fold}, ascending. */
    static Fold fold(int[] foldOf, int fold) {
        int inTest = 0;
        for (int f : foldOf) {
            inTest += f == fold ? 1 : 0;
        }
        int[] test = new int[inTest];
        int[] train = new int[foldOf.length - inTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if (foldOf[i] == fold) {
                test[a++] = i;
            } else {
                train[b++] = i;
            }
        }
        return new Fold(fold, train, test);
    }
}
