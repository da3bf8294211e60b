/**
 * The {@link dev.kiln.reinforcement.agent.Agent} SPI and the tabular TD agents: Q-learning, SARSA
 * and Expected SARSA on a {@link dev.kiln.reinforcement.agent.QTable}.
 */
package dev.kiln.reinforcement.agent;
