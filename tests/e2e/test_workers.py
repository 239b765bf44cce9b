"""Several backend workers serving one user interchangeably, as production runs them with REDIS_URL.

Two `scripts/serve.py` processes serve `app_server`'s frontend build on one database, behind a TCP
proxy standing in for the load balancer; the browser only talks to the proxy. The build bakes its
port into the bundle, so proxy and workers listen on that same port, each on its own loopback
address (127.0.0.2 is the proxy, 127.0.0.3 and .4 the workers of the Redis pair), as separate hosts behind a balancer
would. Switching the proxy drops every connection, so the browser's websocket reconnects to the
other worker. A control pair of workers without Redis shows the same switch losing the state.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
from playwright.sync_api import Browser, Page, WebSocket, expect

from tests.conftest import (
    PG_APP_ROLE,
    REDIS_TIMEOUT,
    _backends,
    _create_pg_database,
    _drop_pg_database,
    pg_url,
    redis_available,
)
from tests.e2e.conftest import (
    ARTIFACTS,
    DESKTOP,
    _server_env,
    migrate,
    start_app_server,
    wait_until_ready,
)
from tests.e2e.flows import ask_pam, open_pam, register
from tests.stubs.server import stop_process_group
from tests.stubs.tcp_proxy import TcpProxy

# Proxy, worker A and worker B of each pair; the two pairs may be up at once.
ADDRESSES = {"redis": ("127.0.0.2", "127.0.0.3", "127.0.0.4"), "local": ("127.0.0.5", "127.0.0.6", "127.0.0.7")}
# A Redis database of its own (other tests use 15); only keys that appear while a pair runs are removed.
STATE_REDIS_URL = "redis://127.0.0.1:6379/14"
RECONNECT_SECONDS = 30


@dataclass
class Worker:
    """One `scripts/serve.py` process on its own address and the build's port."""

    name: str
    host: str
    port: int
    env: dict[str, str]
    log: Path
    process: object = None

    @property
    def url(self) -> str:
        """Where the worker answers directly (the browser never goes there)."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        """Start the process (waiting is separate, so two can start at once).

        `--no-build`: workers serve the one existing build, never rebuild it under each other. It fails
        if the sources changed since `app_server` built (only in a checkout being edited meanwhile).
        """
        self.process = start_app_server(self.env, self.host, self.port, self.log, "--no-build")

    def wait(self) -> None:
        """Wait until the worker answers its health check."""
        wait_until_ready(self.process, self.url, self.log)

    def stop(self) -> None:
        """Stop the process and everything it forked."""
        if self.process is not None:
            stop_process_group(self.process)
            self.process = None


@dataclass
class Pair:
    """Two workers behind one proxy; `url` is what the browser opens."""

    url: str
    proxy: TcpProxy
    workers: dict[str, Worker]
    shared_state: bool
    tokens: list[str] = field(default_factory=list)

    def kill(self, name: str) -> None:
        """SIGKILL worker `name` and all it forked: no clean-up, as an OOM kill or a lost host."""
        worker = self.workers[name]
        assert isinstance(worker.process, subprocess.Popen)
        os.killpg(worker.process.pid, signal.SIGKILL)
        worker.process.wait(timeout=10)
        worker.process = None

    def restart(self, name: str) -> None:
        """Stop worker `name` and start it again with the same settings."""
        worker = self.workers[name]
        worker.stop()
        worker.start()
        worker.wait()


@contextmanager
def _database(workdir: Path) -> Iterator[dict[str, str]]:
    """A fresh PostgreSQL database when one is reachable, set up as production runs it (migrations as the
    tables' owner, the workers as their own RLS-bound role); else a SQLite file."""
    if "postgresql" not in _backends():
        yield {"DATABASE_URL": f"sqlite:///{workdir / 'shared.db'}"}
        return
    name = _create_pg_database()
    try:
        yield {"DATABASE_URL": pg_url(name, PG_APP_ROLE), "DATABASE_OWNER_URL": pg_url(name)}
    finally:
        _drop_pg_database(name)


@contextmanager
def _worker_pair(build_url: str, build_dir: Path, workdir: Path, *, shared_state: bool) -> Iterator[Pair]:
    """Two workers serving the build in `build_dir` (made for `build_url`'s port) on one database."""
    port = urlsplit(build_url).port
    assert port is not None
    label = "redis" if shared_state else "local"
    proxy_host, *worker_hosts = ADDRESSES[label]
    url = f"http://{proxy_host}:{port}"
    with _database(workdir) as database_env:
        # The same settings for both (one SECRET_KEY, database and data dir), as a deployment gives its workers.
        env = {
            **_server_env(build_dir, url),
            **database_env,
            "DATA_DIR": str(workdir / "data"),
            # One process per worker, so "worker A" is one process the proxy can switch away from.
            "GRANIAN_WORKERS": "1",
        }
        client = None
        if shared_state:
            client = redis.Redis.from_url(STATE_REDIS_URL)
            keys_before = set(client.keys("*"))
            env.update(
                REDIS_URL=STATE_REDIS_URL,
                REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT),
                CACHE_KEY_PREFIX=f"ww-workers-{uuid.uuid4().hex[:8]}:",
            )
        migrate(env)
        workers = {
            name: Worker(
                name=name,
                host=host,
                port=port,
                # Each worker its own states folder, as on separate hosts (serve.py empties it on start).
                env={**env, "REFLEX_STATES_WORKDIR": str(workdir / f"states-{name}")},
                log=ARTIFACTS / f"worker-{label}-{name}.log",
            )
            for name, host in zip("ab", worker_hosts, strict=True)
        }
        for worker in workers.values():
            worker.log.unlink(missing_ok=True)
            worker.start()
        try:
            for worker in workers.values():
                worker.wait()
            backends = {name: (worker.host, port) for name, worker in workers.items()}
            with TcpProxy((proxy_host, port), backends, "a") as proxy:
                yield Pair(url=url, proxy=proxy, workers=workers, shared_state=shared_state)
        finally:
            for worker in workers.values():
                worker.stop()
            if client is not None:
                new_keys = set(client.keys("*")) - keys_before
                if new_keys:
                    client.delete(*new_keys)
                client.close()


@pytest.fixture(scope="module")
def redis_pair(app_server: str, app_server_workdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Two workers sharing Reflex's state in Redis (REDIS_URL set), behind the proxy."""
    if not redis_available():
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    workdir = tmp_path_factory.mktemp("workers-redis")
    with _worker_pair(app_server, app_server_workdir, workdir, shared_state=True) as pair:
        yield pair


@pytest.fixture(scope="module")
def local_pair(app_server: str, app_server_workdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """The control: two workers without Redis, each keeping Reflex's state to itself."""
    workdir = tmp_path_factory.mktemp("workers-local")
    with _worker_pair(app_server, app_server_workdir, workdir, shared_state=False) as pair:
        yield pair


@contextmanager
def _browser_page(browser: Browser, pair: Pair) -> Iterator[Page]:
    context = browser.new_context(base_url=pair.url, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


class Sockets:
    """The page's websockets and what each received, to tell when a reconnect has been hydrated."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.opened: list[WebSocket] = []
        self.deltas: dict[int, int] = {}
        page.on("websocket", self._opened)

    def _opened(self, socket: WebSocket) -> None:
        index = len(self.opened)
        self.opened.append(socket)
        self.deltas[index] = 0

        def received(payload: str | bytes) -> None:
            if isinstance(payload, str) and '"delta"' in payload:
                self.deltas[index] += 1

        socket.on("framereceived", received)

    def reconnect_through(self, pair: Pair, target: str | None) -> None:
        """Switch the proxy to `target` (None: only drop the connections) and wait for the new socket's first state."""
        before = len(self.opened)
        served_before = pair.proxy.connections[target or pair.proxy.current]
        if target is None:
            pair.proxy.cut()
        else:
            pair.proxy.switch_to(target)
        deadline = time.monotonic() + RECONNECT_SECONDS
        # The browser's reconnect hydrates first: its state arrives as the new socket's first delta.
        while not any(self.deltas[index] for index in range(before, len(self.opened))):
            if time.monotonic() > deadline:
                pytest.fail(f"the websocket did not reconnect through the proxy within {RECONNECT_SECONDS}s")
            self.page.wait_for_timeout(100)
        assert pair.proxy.connections[target or pair.proxy.current] > served_before


def _tab(page: Page, name: str):  # noqa: ANN202 - a Playwright locator
    return page.get_by_role("tab", name=name, exact=True)


def _state_keys(token: str) -> dict[bytes, bytes]:
    """Reflex's stored states of one browser tab, straight from Redis."""
    client = redis.Redis.from_url(STATE_REDIS_URL)
    try:
        keys = [key for key in client.keys(f"{token}*") if not key.endswith(b"_lock")]
        return {key: client.get(key) or b"" for key in keys}
    finally:
        client.close()


def _open_income_tab(page: Page) -> str:
    """Register, open Wins on its Income tab (a choice kept only in Reflex's state); returns the tab's token."""
    register(page)
    page.goto("/wins")
    _tab(page, "Income").click()
    expect(_tab(page, "Income")).to_have_attribute("aria-selected", "true")
    # Not in the address, not in local or session storage: only the server-side state knows.
    assert "income" not in page.url
    storage = page.evaluate("JSON.stringify([{...window.localStorage}, {...window.sessionStorage}])")
    assert "income" not in storage.lower()
    return page.evaluate("window.sessionStorage.getItem('token')")


def test_a_session_survives_switching_workers_and_a_worker_restart(
    browser: Browser, redis_pair: Pair, screenshot: Callable[[Page, str], Path]
) -> None:
    with _browser_page(browser, redis_pair) as page:
        sockets = Sockets(page)
        token = _open_income_tab(page)
        states = _state_keys(token)
        assert any(b"wins_state" in key and b"income" in value for key, value in states.items()), list(states)
        screenshot(page, "workers-before-switch-desktop")

        sockets.reconnect_through(redis_pair, "b")
        expect(_tab(page, "Income")).to_have_attribute("aria-selected", "true")
        assert page.evaluate("window.sessionStorage.getItem('token')") == token  # the same session, not a new one
        screenshot(page, "workers-after-switch-desktop")
        _tab(page, "Budgets").click()  # an event handled by worker B
        expect(_tab(page, "Budgets")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text("No budgets yet")).to_be_visible()

        redis_pair.restart("a")
        sockets.reconnect_through(redis_pair, "a")
        expect(_tab(page, "Budgets")).to_have_attribute("aria-selected", "true")
        _tab(page, "Expenses").click()  # and the restarted worker A handles events too
        expect(_tab(page, "Expenses")).to_have_attribute("aria-selected", "true")
        expect(page.locator("#wins-month-spent")).to_have_text("$0.00")


def test_a_session_survives_its_worker_being_killed(browser: Browser, redis_pair: Pair) -> None:
    with _browser_page(browser, redis_pair) as page:
        sockets = Sockets(page)
        token = _open_income_tab(page)
        serving = redis_pair.proxy.current
        other = "b" if serving == "a" else "a"
        redis_pair.kill(serving)  # its record of this tab's websocket stays behind in Redis
        try:
            sockets.reconnect_through(redis_pair, other)
            assert page.evaluate("window.sessionStorage.getItem('token')") == token  # not taken for a duplicate tab
            expect(_tab(page, "Income")).to_have_attribute("aria-selected", "true")
            _tab(page, "Budgets").click()
            expect(_tab(page, "Budgets")).to_have_attribute("aria-selected", "true")
        finally:
            redis_pair.workers[serving].start()
            redis_pair.workers[serving].wait()


@pytest.mark.parametrize("target", ["b", None], ids=["switch-worker", "same-worker"])
def test_pam_conversation_survives_a_dropped_websocket(browser: Browser, redis_pair: Pair, target: str | None) -> None:
    with _browser_page(browser, redis_pair) as page:
        sockets = Sockets(page)
        register(page)
        page.goto("/wins")
        reply = ask_pam(page, "add $12 coffee")
        expect(reply).to_contain_text("$12.00")
        panel = open_pam(page)
        messages = panel.locator(".pam-message:not(.pam-streaming)")
        before = messages.all_inner_texts()
        assert any("add $12 coffee" in text for text in before)

        sockets.reconnect_through(redis_pair, target)
        expect(messages).to_have_text([re.compile(re.escape(text.strip())) for text in before])
        second = ask_pam(page, "add $5 snacks")
        expect(second).to_contain_text("$5.00")
        expect(page.locator(".expense-row")).to_have_count(2)


def test_without_shared_state_the_switch_loses_it(browser: Browser, local_pair: Pair) -> None:
    with _browser_page(browser, local_pair) as page:
        sockets = Sockets(page)
        _open_income_tab(page)
        sockets.reconnect_through(local_pair, "b")
        # Worker B never saw this session: the tab falls back to its default.
        expect(_tab(page, "Expenses")).to_have_attribute("aria-selected", "true")
        expect(_tab(page, "Income")).to_have_attribute("aria-selected", "false")
