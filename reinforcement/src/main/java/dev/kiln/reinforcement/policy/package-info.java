/** Policies (greedy, ε-greedy), action-value views and schedules for ε and learning rates. */
package dev.kiln.reinforcement.policy;
