"""Local servers for tests and benches: stub apps on a free 127.0.0.1 port in a thread, and stopping subprocesses."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.responses import StreamingResponse


def environment_without_app_settings() -> dict[str, str]:
    """This process's environment minus every app setting (and Reflex's Redis URL): the base for a
    server subprocess that must get only the settings its caller gives it."""
    from wheels_wins.settings import Settings

    app_variables = {name.upper() for name in Settings.model_fields}
    return {key: value for key, value in os.environ.items() if key not in app_variables and key != "REFLEX_REDIS_URL"}


def free_port() -> int:
    """A TCP port nobody is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a server started with `start_new_session=True` and everything it forked: TERM, then KILL."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve `app` until the block ends; yields its base URL, e.g. "http://127.0.0.1:50123"."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("stub server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def sse_response(events: Iterable[tuple[str | None, Any]], *, delay: float = 0.0) -> StreamingResponse:
    """A text/event-stream of (event name or None, JSON payload or raw string) pairs, optionally paced."""

    async def body() -> AsyncIterator[bytes]:
        for name, payload in events:
            data = payload if isinstance(payload, str) else json.dumps(payload)
            head = f"event: {name}\n" if name else ""
            yield f"{head}data: {data}\n\n".encode()
            if delay:
                await asyncio.sleep(delay)

    return StreamingResponse(body(), media_type="text/event-stream")
