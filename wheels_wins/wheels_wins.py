"""The Reflex app. Pages register themselves (with navigation and PAM) when `wheels_wins.pages` is imported."""

import asyncio

import reflex as rx

import wheels_wins.pages  # noqa: F401
from wheels_wins.api.app import fastapi_app, security_middleware
from wheels_wins.db import get_engine
from wheels_wins.jobs.scheduler import lifespan_scheduler
from wheels_wins.repositories import row_security
from wheels_wins.services import state_files, worker_liveness
from wheels_wins.state.errors import backend_exception_handler

worker_liveness.install()
state_files.install()

app = rx.App(
    api_transformer=[fastapi_app, security_middleware],
    backend_exception_handler=backend_exception_handler,
    html_lang="en",
    stylesheets=["/app.css"],
    head_components=[
        rx.el.link(rel="manifest", href="/manifest.webmanifest"),
        rx.el.link(rel="apple-touch-icon", href="/apple-touch-icon.png"),
        rx.el.script(src="/pwa.js", async_=True),
        rx.el.meta(name="theme-color", content="#0f766e"),
    ],
)


async def check_row_security() -> None:
    """Say loudly at startup when the database role makes Row Level Security a no-op."""
    await asyncio.to_thread(row_security.report_bypass, get_engine())


# A mounted FastAPI's lifespan never runs under Reflex: background jobs start with Reflex's own.
app.register_lifespan_task(lifespan_scheduler)
app.register_lifespan_task(check_row_security)
