/** Deep Q-networks on Kiln tensors: the agent, its replay buffer and its parameters. */
package dev.kiln.reinforcement.dqn;
