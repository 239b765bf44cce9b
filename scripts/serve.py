#!/usr/bin/env python3
"""Serve the production build, frontend and backend on one port, rebuilding the frontend only when needed.

    python scripts/serve.py [--host 0.0.0.0] [--port 3000] [--build-only | --no-build]

`reflex run --env prod` rebuilds the frontend on every start. This script builds it with
`reflex export --frontend-only --no-zip` only when its inputs changed, recorded by a fingerprint
next to the build. Then it does what `reflex run --env prod` does after its build: serve the app
with the compiled frontend mounted. The build bakes the port into the bundle (`env.json`), so the
port is part of the fingerprint. `REFLEX_WEB_WORKDIR` picks another build directory.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONTEND_INPUTS = ("rxconfig.py", "wheels_wins", "assets")
# Written by the compile itself, from the Python sources above.
GENERATED = (ROOT / "assets" / "external",)
# REFLEX_* variables that only matter to tools or the server, not to the bundle; any other one counts.
NOT_IN_BUNDLE = frozenset(
    {
        "REFLEX_BUN_PATH",
        "REFLEX_CHECK_LATEST_VERSION",
        "REFLEX_WEB_WORKDIR",
        "REFLEX_STATES_WORKDIR",
        "REFLEX_UPLOADED_FILES_DIR",
        "REFLEX_REDIS_URL",
        "REFLEX_DB_URL",
        "REFLEX_ASYNC_DB_URL",
        "REFLEX_CORS_ALLOWED_ORIGINS",
        "REFLEX_LOGLEVEL",
        "REFLEX_BACKEND_HOST",
        "REFLEX_TELEMETRY_ENABLED",
    }
)


# Granian's access line; the redacting filter folds the (redacted) query string into the path.
ACCESS_LOG_FORMAT = '[%(time)s] %(addr)s - "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).3f'
# Granian replaces top-level keys of its logging config: both of its handlers again, redacting access lines.
ACCESS_LOG_CONFIG = {
    "filters": {"redact": {"()": "wheels_wins.api.security.AccessLogRedactor"}},
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
        "access": {
            "formatter": "access",
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["redact"],
        },
    },
}


def web_dir() -> Path:
    """Where Reflex keeps the frontend project and its build."""
    return ROOT / os.environ.get("REFLEX_WEB_WORKDIR", ".web")


def fingerprint(port: int) -> str:
    """A digest of everything the frontend bundle depends on."""
    digest = hashlib.sha256(f"reflex {version('reflex')}\nport {port}\n".encode())
    for key in sorted(os.environ):
        if key.startswith("REFLEX_") and key not in NOT_IN_BUNDLE:
            digest.update(f"{key}={os.environ[key]}\n".encode())
    for name in FRONTEND_INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in files:
            generated = any(path.is_relative_to(folder) for folder in GENERATED)
            if path.is_file() and "__pycache__" not in path.parts and not generated:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_if_changed(port: int, *, allow_build: bool = True) -> None:
    """Build the frontend for `port` unless an identical build exists."""
    # Inside build/, which every Reflex build deletes first, so a build by anything else drops it.
    stamp = web_dir() / "build" / "wheels_wins-build.sha256"
    wanted = fingerprint(port)
    built = (web_dir() / "build" / "client" / "index.html").exists()
    if built and stamp.exists() and stamp.read_text() == wanted:
        print(f"Frontend build is up to date ({stamp})", flush=True)
        return
    if not allow_build:
        sys.exit(f"No frontend build for port {port} and these sources in {web_dir()}; build it first (--build-only).")
    env = {**os.environ, "REFLEX_FRONTEND_PORT": str(port), "REFLEX_BACKEND_PORT": str(port)}
    command = [sys.executable, "-m", "reflex", "export", "--frontend-only", "--no-zip"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    stamp.write_text(wanted)


def serve(host: str, port: int) -> None:
    """Serve the backend with the built frontend mounted, as `reflex run --env prod` does after building."""
    from reflex import constants
    from reflex.config import get_config
    from reflex.environment import environment
    from reflex.istate.manager import reset_disk_state_manager

    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    config = get_config()
    config._set_persistent(frontend_port=port, backend_port=port)
    reset_disk_state_manager()
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(True)
    print(f"Serving Wheels & Wins on http://localhost:{port}/ (listening on {host})", flush=True)
    run_granian(host, port, config.loglevel.subprocess_level().value)


def run_granian(host: str, port: int, loglevel: str) -> None:
    """Reflex's `run_granian_backend_prod` with an access log whose tokens and signatures are redacted.

    Reflex starts Granian with its access log off; ours logs each request with the query string
    passed through `AccessLogRedactor`, which the app also installs on any server's access logger.
    """
    import multiprocessing

    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server
    from reflex.utils import exec as reflex_exec

    if (start_method := reflex_exec._backend_start_method()) is not None:
        multiprocessing.set_start_method(start_method, force=True)
        if start_method == "fork" and not reflex_exec._preload_for_fork(None):
            multiprocessing.set_start_method("spawn", force=True)
    Server(
        target=reflex_exec.get_app_instance_from_file(),
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        log_level=LogLevels(os.environ.get("GRANIAN_LOG_LEVEL", loglevel)),
        log_dictconfig=ACCESS_LOG_CONFIG,
        log_access=True,
        log_access_format=ACCESS_LOG_FORMAT,
        workers=int(os.environ.get("GRANIAN_WORKERS", str(reflex_exec._get_backend_workers()))),
    ).serve()


def main() -> None:
    """Parse the command line, build when needed, then serve."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--build-only", action="store_true", help="build (when needed) and exit")
    mode.add_argument("--no-build", action="store_true", help="fail rather than build (no Node.js here)")
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    build_if_changed(args.port, allow_build=not args.no_build)
    if not args.build_only:
        serve(args.host, args.port)


if __name__ == "__main__":
    main()
