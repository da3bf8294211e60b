/**
 * The environment API, in the spirit of Gymnasium: {@link dev.kiln.reinforcement.env.Environment}
 * ({@code reset(seed)}, {@code step(action)} returning a {@link dev.kiln.reinforcement.env.Step}),
 * observation and action {@link dev.kiln.reinforcement.env.Space spaces} ({@code Discrete},
 * {@code Box}) and an {@link dev.kiln.reinforcement.env.ObservationWrapper}.
 */
package dev.kiln.reinforcement.env;
