package dev.kiln.core.backend;

/** Element-wise unary primitives every backend implements. */
public enum UnaryOp {
    NEG, ABS, EXP, LOG, SQRT, RECIP, TANH, SIGMOID, RELU, SIGN, SIN, COS;

    /** The scalar definition; the reference backend uses it and fast backends must match it. */
    public float apply(float x) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case RECIP -> 1f / x;
            case TANH -> (float) Math.tanh(x);
            // written so that large |x| neither overflows nor loses the sign
            case SIGMOID -> x >= 0 ? (float) (1.0 / (1.0 + Math.exp(-x)))
                    : (float) (Math.exp(x) / (1.0 + Math.exp(x)));
            case RELU -> x > 0 ? x : (Float.isNaN(x) ? x : 0f);
            case SIGN -> Float.isNaN(x) ? x : Math.signum(x);
            case SIN -> (float) Math.sin(x);
            case COS -> (float) Math.cos(x);
        };
    }
}
