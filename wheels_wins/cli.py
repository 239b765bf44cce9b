"""Operational commands: `python -m wheels_wins.cli seed-demo | build-gazetteer`."""

from __future__ import annotations

import argparse
import sys

from wheels_wins.db import session_scope
from wheels_wins.settings import get_settings


def seed_demo() -> int:
    """Create the demo account on first run and print its login."""
    from wheels_wins.services.demo_data import DEMO_EMAIL, DEMO_PASSWORD, ensure_demo_account

    if not get_settings().seed_demo:
        print("Demo data disabled (SEED_DEMO=false).")
        return 0
    with session_scope() as session:
        _, created = ensure_demo_account(session)
    print(("Created the demo account" if created else "Demo account ready") + f": log in as {DEMO_EMAIL} / {DEMO_PASSWORD}")
    return 0


def build_gazetteer() -> int:
    """Build the offline place index if it is missing."""
    from wheels_wins.services import gazetteer_index

    path = gazetteer_index.ensure_built()
    print(f"Gazetteer ready: {path}")
    return 0


COMMANDS = {"seed-demo": seed_demo, "build-gazetteer": build_gazetteer}


def main(argv: list[str] | None = None) -> int:
    """Run one command."""
    parser = argparse.ArgumentParser(prog="python -m wheels_wins.cli")
    parser.add_argument("command", choices=sorted(COMMANDS))
    return COMMANDS[parser.parse_args(argv).command]()


if __name__ == "__main__":
    sys.exit(main())
