package dev.kiln.supervised.optim;

import dev.kiln.core.nn.Model;
import dev.kiln.core.nn.Optimizer;
import dev.kiln.core.nn.Parameter;
import dev.kiln.core.tensor.Autograd;
import dev.kiln.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Shared machinery for the optimizers: parameter names, the learning rate, the step count,
 * per-parameter state slots and optional gradient clipping by global norm.
 *
 * <p>State is exposed as named tensors: {@code "step"} (a scalar holding the number of steps
 * taken, exact up to 2^24) and one entry per slot and parameter, {@code "<slot>.<parameter>"}, e.g.
 * {@code "exp_avg.0.weight"} (slot names follow PyTorch). Parameters are named by the model's
 * dotted names when built from a {@link Model} or a map, and by position ({@code "0"}, {@code "1"},
 * ...) when built from a list. A slot appears once the parameter has received a gradient.
 * {@link #loadState(Map)} restores exactly what {@link #state()} produced, so a checkpoint
 * round-trips bit for bit.
 *
 * <p>Parameter groups ({@link #group(String, Predicate, double)}, PyTorch's {@code param_groups}
 * for the learning rate): a backbone at 1e-4 and a head at 1e-2, say. A group keeps its rate as a
 * factor of the optimizer's rate, so a schedule that sets {@link #learningRate(double)} scales every
 * group alike; groups are configuration, not state, and change no key of {@link #state()}.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private static final long MAX_EXACT_STEP = 1L << 24;

    private final String kind;
    private final List<String> names;
    private final List<Parameter> parameters;
    private final String[] slots;
    private final Tensor[][] state;
    private final double[] lrFactor;
    private final String[] groupOf;
    private double lr;
    private long steps;
    private double maxGradNorm;
    private double lastGradNorm = Double.NaN;
    private BiPredicate<String, Parameter> noDecay = (name, p) -> false;

    protected AbstractOptimizer(String kind, Map<String, Parameter> named, double lr, String... slots) {
        if (named.isEmpty()) {
            throw new IllegalArgumentException(kind + ": no parameters to optimize");
        }
        this.kind = kind;
        this.names = List.copyOf(named.keySet());
        this.parameters = List.copyOf(named.values());
        this.slots = slots.clone();
        this.state = new Tensor[slots.length][parameters.size()];
        this.lrFactor = new double[parameters.size()];
        Arrays.fill(lrFactor, 1.0); // lr * 1.0 is lr exactly: parameters outside groups update as before
        this.groupOf = new String[parameters.size()];
        learningRate(lr);
    }

    /** Names parameters by their position in the list ("0", "1", ...). */
    protected static Map<String, Parameter> byPosition(List<Parameter> parameters) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            m.put(Integer.toString(i), parameters.get(i));
        }
        return m;
    }

    protected static Map<String, Parameter> of(Model model) {
        return model.namedParameters();
    }

    /**
     * One update of parameter {@code index} from gradient {@code grad} (already clipped), under
     * no-grad. {@link #stepCount()} is the 1-based number of this step.
     */
    protected abstract void update(int index, Parameter p, Tensor grad);

    @Override
    public final void step() {
        try (var ignored = Autograd.noGrad()) {
            float scale = clipScale();
            steps++;
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                Tensor g = p.grad();
                if (g != null) {
                    update(i, p, scale == 1f ? g : g.mul(scale));
                }
            }
        }
    }

    private float clipScale() {
        if (maxGradNorm <= 0) {
            return 1f;
        }
        lastGradNorm = GradientClipping.globalNorm(parameters);
        // same coefficient as torch.nn.utils.clip_grad_norm_
        double coef = GradientClipping.scale(lastGradNorm, maxGradNorm);
        return coef < 1 ? (float) coef : 1f;
    }

    /**
     * Rescales the gradients before each step so their global L2 norm is at most {@code maxNorm}
     * (as {@code clip_grad_norm_}); 0 turns clipping off.
     */
    public AbstractOptimizer clipGradNorm(double maxNorm) {
        if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException(kind + ": max gradient norm must be >= 0 and finite, got " + maxNorm);
        }
        this.maxGradNorm = maxNorm;
        return this;
    }

    /**
     * Parameters (by name and value) that weight decay must skip, e.g.
     * {@code excludeFromWeightDecay(AbstractOptimizer::isVector)} for biases and normalisation
     * scales, the usual practice with AdamW.
     */
    public AbstractOptimizer excludeFromWeightDecay(BiPredicate<String, Parameter> exclude) {
        this.noDecay = exclude;
        return this;
    }

    /** True for parameters of rank 0 or 1 (biases, batch-norm scale and shift). */
    public static boolean isVector(String name, Parameter p) {
        return p.shape().length <= 1;
    }

    /**
     * Gives the parameters whose names {@code members} accepts their own learning rate {@code lr},
     * relative to this optimizer's current rate: after {@code new Adam(model, 1e-2).group("backbone",
     * n -> n.startsWith("0."), 1e-4)} the backbone moves at 1e-4, and when a schedule later sets the
     * optimizer's rate to 5e-3 it moves at 5e-5. A parameter belongs to at most one group.
     */
    public AbstractOptimizer group(String name, Predicate<String> members, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(kind + ": group '" + name + "' learning rate must be a finite number >= 0, got "
                    + lr);
        }
        if (!(this.lr > 0)) {
            throw new IllegalArgumentException(kind + ": group '" + name + "' needs the optimizer's learning rate > 0 to scale"
                    + " from, got " + this.lr);
        }
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (members.test(names.get(i))) {
                if (groupOf[i] != null) {
                    throw new IllegalArgumentException(kind + ": parameter '" + names.get(i) + "' is already in group '"
                            + groupOf[i] + "', cannot add it to group '" + name + "'");
                }
                matched.add(i);
            }
        }
        if (matched.isEmpty()) {
            throw new IllegalArgumentException(kind + ": group '" + name + "' matches no parameter of " + names);
        }
        for (int i : matched) {
            groupOf[i] = name;
            lrFactor[i] = lr / this.lr;
        }
        return this;
    }

    /** The learning rate each parameter is updated with now, by name (the optimizer's rate outside groups). */
    public Map<String, Double> learningRates() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), learningRateOf(i));
        }
        return out;
    }

    /** The learning rate of parameter {@code index}: the optimizer's, times its group's factor. */
    protected final double learningRateOf(int index) {
        return lr * lrFactor[index];
    }

    /** The limit {@link #clipGradNorm(double)} set; 0 when clipping is off. */
    public double maxGradNorm() {
        return maxGradNorm;
    }

    /** Whether weight decay applies to parameter {@code index}. */
    protected final boolean decays(int index) {
        return !noDecay.test(names.get(index), parameters.get(index));
    }

    /** The global gradient norm measured before the last step (NaN unless clipping is on). */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** Steps taken so far (after a step: the 1-based index of that step). */
    public long stepCount() {
        return steps;
    }

    protected final Tensor slot(int slot, int index) {
        return state[slot][index];
    }

    protected final void slot(int slot, int index, Tensor value) {
        state[slot][index] = value;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Parameter names in the order of {@link #parameters()}. */
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void learningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(kind + ": learning rate must be a finite number >= 0, got " + lr);
        }
        this.lr = lr;
    }

    @Override
    public Map<String, Tensor> state() {
        if (steps >= MAX_EXACT_STEP) {
            throw new IllegalStateException(kind + ": step count " + steps + " no longer fits a float32 exactly");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("step", Tensor.scalar(steps));
        for (int s = 0; s < slots.length; s++) {
            for (int i = 0; i < parameters.size(); i++) {
                if (state[s][i] != null) {
                    out.put(slots[s] + "." + names.get(i), state[s][i]);
                }
            }
        }
        return out;
    }

    /** The slot tensors only: no step-count scalar to build, and no step limit (called every step). */
    @Override
    public java.util.Collection<Tensor> stateTensors() {
        java.util.List<Tensor> out = new java.util.ArrayList<>();
        for (Tensor[] slot : state) {
            for (Tensor t : slot) {
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    @Override
    public void loadState(Map<String, Tensor> saved) {
        Tensor step = saved.get("step");
        if (step == null || step.numel() != 1) {
            throw new IllegalArgumentException(kind + ".loadState: missing scalar 'step' in " + saved.keySet());
        }
        float stepValue = step.item();
        if (!(stepValue >= 0) || stepValue != Math.rint(stepValue)) {
            throw new IllegalArgumentException(kind + ".loadState: 'step' must be a whole number >= 0, got " + stepValue);
        }
        Tensor[][] loaded = new Tensor[slots.length][parameters.size()];
        List<String> slotNames = Arrays.asList(slots);
        for (Map.Entry<String, Tensor> e : saved.entrySet()) {
            String key = e.getKey();
            if (key.equals("step")) {
                continue;
            }
            int dot = key.indexOf('.');
            int s = dot < 0 ? -1 : slotNames.indexOf(key.substring(0, dot));
            int i = dot < 0 ? -1 : names.indexOf(key.substring(dot + 1));
            if (s < 0 || i < 0) {
                throw new IllegalArgumentException(kind + ".loadState: unknown key '" + key + "' (slots " + slotNames
                        + ", parameters " + names + ")");
            }
            int[] expected = parameters.get(i).shape();
            if (!Arrays.equals(e.getValue().shape(), expected)) {
                throw new IllegalArgumentException(kind + ".loadState: '" + key + "' has shape "
                        + Arrays.toString(e.getValue().shape()) + ", parameter has " + Arrays.toString(expected));
            }
            loaded[s][i] = e.getValue().detach().to(parameters.get(i).value().backend());
        }
        for (int s = 0; s < slots.length; s++) {
            state[s] = loaded[s];
        }
        steps = (long) stepValue;
    }

    protected static void requireIn(String kind, String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(kind + ": " + what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    protected final String kind() {
        return kind;
    }

    /** Names of the per-parameter state slots, in order. */
    protected final List<String> slotNames() {
        return new ArrayList<>(Arrays.asList(slots));
    }
}
