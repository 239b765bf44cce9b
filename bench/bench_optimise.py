"""Time and quality of stop-order optimisation for 25 random Australian stops.

Run: `.venv/bin/python bench/bench_optimise.py`.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wheels_wins.services.geo import optimise_order, route_length_km

STOPS = 25
TRIALS = 100


def main() -> None:
    """Print p50/p95 optimisation time and how much shorter the routes got."""
    rng = random.Random(42)
    timings, savings = [], []
    for _ in range(TRIALS):
        points = [(rng.uniform(-38.5, -12.5), rng.uniform(115.0, 153.5)) for _ in range(STOPS)]
        started = time.perf_counter()
        order = optimise_order(points)
        timings.append((time.perf_counter() - started) * 1000)
        before, after = route_length_km(points, range(STOPS)), route_length_km(points, order)
        savings.append(1 - after / before)
    timings.sort()
    print(
        f"optimise_order, {STOPS} stops x {TRIALS}: p50={statistics.median(timings):.2f} ms  "
        f"p95={timings[int(TRIALS * 0.95) - 1]:.2f} ms  max={timings[-1]:.2f} ms"
    )
    print(f"road km saved vs the random input order: mean {statistics.mean(savings):.0%}, min {min(savings):.0%}")


if __name__ == "__main__":
    main()
