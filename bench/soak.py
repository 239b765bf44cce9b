"""Soak: a backend worker's memory under steady websocket load, sampled every 5 s.

One worker (`--workers`) serves `--users` (100) sessions of `load_ws.py`, each sending one event a
second, nine page events to one PAM question, for `--seconds` (60; the issue's soak is
`--seconds 600`). The worker's RSS (and USS, the memory it alone holds) is sampled from the moment
the sessions are connected; growth is from that first sample to the last, and, on runs of three
minutes or more, from the one-minute mark (caches and pools warm) to the last. The aim (issue 7):
a worker under 250 MB that grows less than 10% over 10 minutes.

Run: `.venv/bin/python bench/soak.py [--seconds 600] [--users 100] [--workers 1]`.
"""

from __future__ import annotations

import argparse
import asyncio

import psutil
from _load_common import HEADER, App, Figures, served_app, sign_in, wait_for_quiet
from load_ws import connect_all, drive

MIX = ["page"] * 9 + ["pam"]
SAMPLE_SECONDS = 5.0


def _memory(app: App) -> tuple[float, float]:
    """The largest worker's RSS and USS, in MB."""
    infos = [process.memory_full_info() for process in app.worker_processes()]
    return max(info.rss for info in infos) / 1e6, max(info.uss for info in infos) / 1e6


async def soak(
    app: App, tokens: list[str], seconds: float, load: float
) -> tuple[dict[str, Figures], list[tuple[float, float, float]]]:
    """Drive the sessions for `seconds` while sampling memory; the figures and (elapsed s, RSS, USS) samples."""
    sessions, failed = await connect_all(app.base_url, tokens)
    figures = {kind: Figures(f"soak ws {kind} events", app.workers, len(tokens), load_before=load) for kind in set(MIX)}
    figures["page"].errors += failed
    samples: list[tuple[float, float, float]] = []
    loop = asyncio.get_running_loop()
    started = loop.time()

    async def sample() -> None:
        while True:
            samples.append((loop.time() - started, *_memory(app)))
            await asyncio.sleep(SAMPLE_SECONDS)

    sampler = asyncio.create_task(sample())
    try:
        await drive(sessions, seconds, MIX, figures)
    finally:
        sampler.cancel()
        samples.append((loop.time() - started, *_memory(app)))
        await asyncio.gather(*(session.client.disconnect() for session in sessions))
    return figures, samples


def _growth(samples: list[tuple[float, float, float]], since: float) -> str:
    first = next(s for s in samples if s[0] >= since)
    last = samples[-1]
    rss, uss = (last[1] - first[1]) / first[1], (last[2] - first[2]) / first[2]
    return f"from {first[0]:.0f} s to {last[0]:.0f} s: RSS {first[1]:.0f} -> {last[1]:.0f} MB ({rss:+.1%}), USS {first[2]:.0f} -> {last[2]:.0f} MB ({uss:+.1%})"


def main() -> None:
    """Serve, soak, and print the latency rows and the memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    args = parser.parse_args()
    with served_app(workers=args.workers, users=args.users, postgres=not args.sqlite) as app:
        tokens = asyncio.run(sign_in(app.base_url, app.emails))
        load = wait_for_quiet()
        figures, samples = asyncio.run(soak(app, tokens, args.seconds, load))
        print(
            f"{psutil.cpu_count()} cores shared by server and generator; 1-minute load at the end {psutil.getloadavg()[0]:.2f}"
        )
        print(HEADER)
        for kind in sorted(figures, reverse=True):
            print(figures[kind].row())
        print(
            f"largest worker of {args.workers}, peak RSS {max(s[1] for s in samples):.0f} MB over {len(samples)} samples"
        )
        print("  " + _growth(samples, 0))
        if args.seconds >= 180:
            print("  " + _growth(samples, 60))


if __name__ == "__main__":
    main()
