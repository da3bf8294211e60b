package dev.kiln.reinforcement.agent;

import dev.kiln.reinforcement.policy.ActionValues;
import java.util.Arrays;

/** A table of action values Q(s, a) over discrete states and actions. */
public final class QTable implements ActionValues<Integer> {
    private final double[][] q;

    public QTable(int states, int actions, double initial) {
        if (states <= 0 || actions <= 0) {
            throw new IllegalArgumentException("Q-table: states and actions must be positive, got " + states + " x " + actions);
        }
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("Q-table: initial value must be finite, got " + initial);
        }
        q = new double[states][actions];
        for (double[] row : q) {
            Arrays.fill(row, initial);
        }
    }

    /** A table holding a copy of {@code values} ({@code [states][actions]}). */
    public static QTable of(double[][] values) {
        QTable t = new QTable(values.length, values.length == 0 ? 0 : values[0].length, 0);
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != t.actions()) {
                throw new IllegalArgumentException("Q-table: row " + s + " has " + values[s].length
                        + " actions, row 0 has " + t.actions());
            }
            System.arraycopy(values[s], 0, t.q[s], 0, t.actions());
        }
        return t;
    }

    public int states() {
        return q.length;
    }

    @Override
    public int actions() {
        return q[0].length;
    }

    public double get(int state, int action) {
        return q[state][action];
    }

    public void set(int state, int action, double value) {
        q[state][action] = value;
    }

    /** The row for {@code state}; callers must not modify it. */
    @Override
    public double[] values(Integer state) {
        if (state < 0 || state >= q.length) {
            throw new IllegalArgumentException("Q-table: state " + state + " is outside [0, " + q.length + ")");
        }
        return q[state];
    }

    public double max(int state) {
        double m = q[state][0];
        for (double v : q[state]) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** A deep copy as {@code [states][actions]}. */
    public double[][] toArray() {
        double[][] copy = new double[q.length][];
        for (int s = 0; s < q.length; s++) {
            copy[s] = q[s].clone();
        }
        return copy;
    }
}
