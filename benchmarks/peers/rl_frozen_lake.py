#!/usr/bin/env python3
"""Peer for `./kiln bench rl-frozen-lake`: the same tabular Q-learning in plain Python + numpy.

Same maps, rewards, step limits, hyper-parameters, trainer loop (behaviour action chosen before
the update, greedy evaluation after every episode, stop at the first greedy success) and the same
JSON keys. Random streams differ from Kiln's (numpy's PCG64 vs Kiln's counter-based Rng), so the
episode counts agree in distribution, not seed by seed.

    python3 benchmarks/peers/rl_frozen_lake.py [--seeds N]
"""
import argparse
import json
import time

import numpy as np

LAKE_4X4 = ["SFFF", "FHFH", "FFFH", "HFFG"]
LAKE_8X8 = ["SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF",
            "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"]
MOVES = [(0, -1), (1, 0), (0, 1), (-1, 0)]  # 0 left, 1 down, 2 right, 3 up (FrozenLake)


class Lake:
    def __init__(self, rows, slip=0.0, max_steps=None):
        self.rows, self.cols = len(rows), len(rows[0])
        self.tiles = "".join(rows)
        self.n = self.rows * self.cols
        self.slip = slip
        self.max_steps = max_steps or 4 * self.n
        self.start = self.tiles.index("S")

    def reset(self, rng):
        self.rng, self.cell, self.steps = rng, self.start, 0
        return self.cell

    def step(self, a):
        if self.slip > 0:
            u = self.rng.random()
            if u < self.slip:
                a = (a + (-1 if u < self.slip / 2 else 1)) % 4
        r, c = divmod(self.cell, self.cols)
        r2, c2 = r + MOVES[a][0], c + MOVES[a][1]
        if 0 <= r2 < self.rows and 0 <= c2 < self.cols and self.tiles[r2 * self.cols + c2] != "#":
            self.cell = r2 * self.cols + c2
        self.steps += 1
        t = self.tiles[self.cell]
        terminated = t in "GH"
        truncated = not terminated and self.steps >= self.max_steps
        return self.cell, (1.0 if t == "G" else 0.0), terminated, truncated, t == "G"


def linear(start, end, steps):
    return lambda t: end if t >= steps else start + (end - start) * t / steps


def act(q, s, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(4))
    row = q[s]
    best = np.flatnonzero(row == row.max())
    return int(best[0]) if len(best) == 1 else int(best[rng.integers(len(best))])


def greedy_success(env, q, episodes, seed):
    wins = 0
    for k in range(episodes):
        s = env.reset(np.random.default_rng([seed, k]))
        while True:
            s, _, term, trunc, ok = env.step(int(np.argmax(q[s])))
            if term or trunc:
                wins += ok
                break
    return wins / episodes


def train(env, alpha, gamma, eps, q0, episodes, seed, stop_on_solve):
    q = np.full((env.n, 4), q0, dtype=np.float64)
    explore = np.random.default_rng([seed, 1])
    for ep in range(1, episodes + 1):
        s = env.reset(np.random.default_rng([seed, 2, ep]))
        e = eps(ep - 1)
        a = act(q, s, e, explore)
        while True:
            s2, r, term, trunc, _ = env.step(a)
            a2 = -1 if term else act(q, s2, e, explore)
            target = r if term else r + gamma * q[s2].max()
            q[s, a] += alpha * (target - q[s, a])
            if term or trunc:
                break
            s, a = s2, a2
        if stop_on_solve and greedy_success(env, q, 1, seed) == 1.0:
            return q, ep
    return q, -1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seeds", type=int, default=5)
    seeds = p.parse_args().seeds
    ep4, ep8, success = [], [], []
    det = slip = 0.0
    for s in range(seeds):
        t0 = time.perf_counter()
        ep4.append(train(Lake(LAKE_4X4), 0.5, 0.95, linear(0.5, 0.0, 100), 1.0, 500, s, True)[1])
        ep8.append(train(Lake(LAKE_8X8), 0.5, 0.95, linear(0.5, 0.0, 100), 1.0, 500, s, True)[1])
        t1 = time.perf_counter()
        lake = Lake(LAKE_4X4, slip=2 / 3, max_steps=100)
        q, _ = train(lake, 0.1, 0.99, linear(1.0, 0.01, 8000), 0.0, 10_000, s, False)
        t2 = time.perf_counter()
        success.append(round(greedy_success(lake, q, 1000, 1234), 3))
        det += t1 - t0
        slip += t2 - t1
    print(json.dumps({
        "seeds": seeds,
        "episodes_to_solve_4x4": str(ep4),
        "episodes_to_solve_8x8": str(ep8),
        "deterministic_seconds_per_seed": round(det / seeds, 3),
        "slippery_4x4_success": str(success),
        "slippery_4x4_success_mean": round(float(np.mean(success)), 3),
        "slippery_train_seconds_per_seed": round(slip / seeds, 3),
    }))


if __name__ == "__main__":
    main()
