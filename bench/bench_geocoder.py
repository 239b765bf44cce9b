"""Latency of the offline gazetteer: typeahead prefixes as a user types them, and geocoding.

Run: `.venv/bin/python bench/bench_geocoder.py` (builds the index first if it is missing).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wheels_wins.services import gazetteer, gazetteer_index

_TYPED = (
    "Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra|Cairns|Townsville|Alice Springs|Broome|"
    "Kununurra|Coober Pedy|Port Augusta|Ceduna|Esperance|Kalgoorlie|Mount Isa|Longreach|Dubbo|Bourke|Broken Hill|"
    "Mildura|Ballarat|Bendigo|Wagga Wagga|Tamworth|Byron Bay|Coffs Harbour|Port Macquarie|Bundaberg|Rockhampton|"
    "Mackay|Katherine|Tennant Creek|Exmouth|Carnarvon|Geraldton|Albany|Margaret River|Mount Gambier|Warrnambool|"
    "Launceston|Devonport|Ballarat, V|Perth, WA|Springfield, IL|Auckland, NZ|Paris, France|Queenstown|"
    "Christchurch|Vancouver|Phoenix"
)
_GEOCODE = (
    "Sydney|Melbourne|Perth|Darwin|Dubbo|Cairns|Alice Springs|Coober Pedy|Port Augusta, SA|sydney nsw|"
    "Sydney, Australia|Springfield|Springfield, IL|Paris|Auckland, NZ|Mt Isa|Glenelg, Adelaide|Hobart Tas|"
    "Xyzzyville|Broken Hill, New South Wales"
)
TYPED = _TYPED.split("|")
GEOCODE = _GEOCODE.split("|")


def _timed(fn: Callable[[str], object], queries: list[str], rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            fn(query)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _report(title: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"{title:<28} n={len(ordered):>5}  p50={statistics.median(ordered):.3f} ms  "
        f"p95={p95:.3f} ms  max={ordered[-1]:.3f} ms"
    )


def main() -> None:
    """Print build/open time and p50/p95 latencies."""
    path = gazetteer_index.database_path()
    existed = path.exists()
    started = time.perf_counter()
    gazetteer_index.ensure_built()
    built = time.perf_counter() - started
    how = "already built (point DATA_DIR at an empty dir to time a build)" if existed else f"built in {built:.2f} s"
    print(f"index: {path} ({path.stat().st_size / 1e6:.1f} MB), {how}")

    started = time.perf_counter()
    gazetteer.search_prefix("S")
    print(f"first query (open connection): {(time.perf_counter() - started) * 1000:.2f} ms")

    prefixes = [text[:n] for text in TYPED for n in range(1, len(text) + 1)]
    _report("search_prefix (as typed)", _timed(gazetteer.search_prefix, prefixes, rounds=3))
    _report("search_prefix 1-2 chars", _timed(gazetteer.search_prefix, [p for p in prefixes if len(p) <= 2], rounds=3))
    _report("geocode", _timed(gazetteer.geocode, GEOCODE, rounds=20))
    _report("candidates", _timed(gazetteer.candidates, GEOCODE, rounds=20))


if __name__ == "__main__":
    main()
