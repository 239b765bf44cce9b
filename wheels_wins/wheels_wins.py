"""The Reflex app. Pages register themselves (with navigation and PAM) when `wheels_wins.pages` is imported."""

import reflex as rx

import wheels_wins.pages  # noqa: F401
from wheels_wins.api.app import fastapi_app, security_middleware
from wheels_wins.jobs.scheduler import lifespan_scheduler
from wheels_wins.state.errors import backend_exception_handler

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
# A mounted FastAPI's lifespan never runs under Reflex: background jobs start with Reflex's own.
app.register_lifespan_task(lifespan_scheduler)
