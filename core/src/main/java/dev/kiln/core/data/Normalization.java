package dev.kiln.core.data;

/**
 * {@code x -> (x / divisor - mean) / std}: torchvision's {@code ToTensor()} ({@code divisor = 255},
 * a division as in torchvision, so pixel values match PyTorch's bit for bit) followed by
 * {@code Normalize(mean, std)}.
 */
public record Normalization(float divisor, float mean, float std) {
    /** Pixels 0..255 to [0, 1], as {@code ToTensor()} does (the seed program's setup). */
    public static final Normalization UNIT = new Normalization(255f, 0f, 1f);
    /** No change. */
    public static final Normalization IDENTITY = new Normalization(1f, 0f, 1f);

    public Normalization {
        if (!(std > 0) || !Float.isFinite(std) || !(divisor > 0) || !Float.isFinite(divisor) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("normalization: divisor and std must be positive and finite, mean finite;"
                    + " got divisor=" + divisor + " mean=" + mean + " std=" + std);
        }
    }

    /** Pixels scaled to [0, 1], then standardised with {@code mean} and {@code std} (e.g. MNIST's 0.1307, 0.3081). */
    public static Normalization pixels(float mean, float std) {
        return new Normalization(255f, mean, std);
    }

    public float apply(float x) {
        return (x / divisor - mean) / std;
    }

    /** The mean and standard deviation of {@code values} as a normalisation (divisor 1). */
    public static Normalization fit(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (float v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / values.length);
        return new Normalization(1f, (float) mean, std > 0 ? (float) std : 1f);
    }
}
