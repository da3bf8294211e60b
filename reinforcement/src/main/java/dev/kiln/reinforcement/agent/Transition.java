package dev.kiln.reinforcement.agent;

/**
 * One step of experience (s, a, r, s'). {@code terminated} means s' has no future value; a step
 * that was only truncated still bootstraps from s'. {@code nextAction} is the action the behaviour
 * policy chose in s' (on-policy SARSA learns from it), or -1 when s' is terminal.
 */
public record Transition<O>(O state, int action, double reward, O nextState, boolean terminated, int nextAction) {
}
