"""The NumPy peer of bench/simulate.bench.ts: Algorithm 1 with GRPO weights on a Bernoulli policy.

What a researcher would write with NumPy: NumPy's default generator, the rewards of a batch of
groups as one array, and a vectorized mean and standard deviation per group (GRPO, population
std, eps added to it, weight 0 for a group whose answers are all equal), then each group's update
(1/M) sum_i Z_i (R_i - p) and its running mean and sum of squares.

  python3 bench/numpy-peer.py M [--responses N] [--p P] [--eps E] [--rounds R]

prints one line of JSON: {"M": M, "responsesPerSecond": best over the rounds, "mean": ...}.
Rates are per thread and in CPU time (time.process_time), like the TypeScript side, so that other
processes on a shared machine do not count. The batch holds BATCH_RESPONSES rewards, which was
the fastest of 2^13 .. 2^20 on the 2-core machine of docs/simulate.md (large batches leave the
caches).
"""

import argparse
import json
import time

import numpy as np

BATCH_RESPONSES = 2**15


def run(M: int, p: float, eps: float, responses: int, seed: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    per_batch = max(1, BATCH_RESPONSES // M)
    groups = responses // M
    total = 0.0
    squares = 0.0
    started = time.process_time()
    done = 0
    while done < groups:
        g = min(per_batch, groups - done)
        R = (rng.random((g, M)) < p).astype(np.float64)
        mean = R.mean(axis=1, keepdims=True)
        std = R.std(axis=1, keepdims=True)
        Z = np.where(std > 0, (R - mean) / (std + eps), 0.0)
        update = (Z * (R - p)).mean(axis=1)
        total += update.sum()
        squares += (update * update).sum()
        done += g
    seconds = time.process_time() - started
    return groups * M / seconds, total / groups


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("M", type=int)
    parser.add_argument("--responses", type=int, default=2**24)
    parser.add_argument("--p", type=float, default=0.3)
    parser.add_argument("--eps", type=float, default=1e-8)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    best = 0.0
    mean = 0.0
    for r in range(args.rounds):
        rate, mean = run(args.M, args.p, args.eps, args.responses, seed=r)
        best = max(best, rate)
    print(json.dumps({"M": args.M, "responsesPerSecond": best, "mean": mean}))


if __name__ == "__main__":
    main()
