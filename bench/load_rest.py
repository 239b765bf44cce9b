"""REST load: requests/s and latency percentiles at N connections, on one and on two backend workers.

Serves the production backend (see `_load_common`) on a fresh PostgreSQL database (SQLite when
PostgreSQL is unreachable) with users holding a year of expenses each, then drives it from this
process with an asyncio + aiohttp generator: `--connections` (50) clients, each sending its next
request as soon as the last one answered, for `--seconds` (15) after a 2 s warm-up. Scenarios:

- `/ping`: Reflex's bare endpoint, through the same middleware: the ceiling of server + generator.
- `/api/health`: FastAPI, `SELECT 1` in a thread, the cache and rate-limit checks.
- `/api/v1/expenses?limit=25`: bearer auth, a page of the user's expenses and its count/total.

Generator and server share this machine's cores: "cpu" says how much of them each used, so a
ceiling set by the generator shows. Each run first waits (up to 3 minutes) for the 1-minute load to
drop below 1.0, and prints the load it started under. The aim (issue 7): the list at >= 1,000 req/s
with p99 <= 50 ms at 50 connections.

Run: `.venv/bin/python bench/load_rest.py [--workers 1 2] [--seconds 15] [--connections 50]`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools

import aiohttp
import psutil
from _load_common import HEADER, App, Figures, cpu_note, served_app, sign_in, wait_for_quiet

SCENARIOS = {
    "bare /ping": "/ping",
    "health /api/health": "/api/health",
    "list /api/v1/expenses": "/api/v1/expenses?limit=25",
}
AUTHED = {"list /api/v1/expenses"}
USERS = 10
WARM_UP_SECONDS = 2.0


async def drive(
    base_url: str, path: str, tokens: list[str], connections: int, seconds: float
) -> tuple[list[float], int, float]:
    """Closed-loop load on `path`: latencies (ms) after the warm-up, the error count, and the measured seconds."""
    timings: list[float] = []
    errors = 0
    headers = itertools.cycle([{"Authorization": f"Bearer {token}"} for token in tokens] or [{}])
    connector = aiohttp.TCPConnector(limit=connections, force_close=False)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(base_url, connector=connector, timeout=timeout) as client:
        loop = asyncio.get_running_loop()
        measure_from = loop.time() + WARM_UP_SECONDS
        stop_at = measure_from + seconds

        async def user(own_headers: dict[str, str]) -> None:
            nonlocal errors
            while (started := loop.time()) < stop_at:
                try:
                    async with client.get(path, headers=own_headers) as response:
                        await response.read()
                        ok = response.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    ok = False
                if started >= measure_from:
                    timings.append((loop.time() - started) * 1000)
                    errors += not ok

        await asyncio.gather(*(user(next(headers)) for _ in range(connections)))
    return timings, errors, seconds


def run_scenario(app: App, name: str, tokens: list[str], connections: int, seconds: float) -> Figures:
    """One measured run of a scenario, with the server's and the generator's CPU use as a note."""
    figures = Figures(name, app.workers, connections, load_before=wait_for_quiet())
    path, own = SCENARIOS[name], tokens if name in AUTHED else []
    result, figures.note = cpu_note(app, asyncio.run, drive(app.base_url, path, own, connections, seconds))
    figures.timings_ms, figures.errors, figures.seconds = result
    return figures


def main() -> None:
    """Serve with each worker count in turn and print one row per scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--only", choices=list(SCENARIOS), action="append", help="run only these scenarios")
    args = parser.parse_args()
    print(f"{psutil.cpu_count()} cores shared by server and generator; cpu 100% = one core")
    print(HEADER)
    for workers in args.workers:
        with served_app(workers=workers, users=USERS, postgres=not args.sqlite) as app:
            tokens = asyncio.run(sign_in(app.base_url, app.emails))
            for name in args.only or SCENARIOS:
                print(run_scenario(app, name, tokens, args.connections, args.seconds).row(), flush=True)


if __name__ == "__main__":
    main()
