#!/bin/sh
# Bring the database up to date, seed the demo account (unless SEED_DEMO=false) and the place
# index when missing, then serve the production build: `scripts/start.sh [serve.py options]`.
set -eu
cd "$(dirname "$0")/.."
python -m alembic upgrade head
python -m wheels_wins.cli seed-demo
python -m wheels_wins.cli build-gazetteer
exec python scripts/serve.py "$@"
