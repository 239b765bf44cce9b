"""What the browser sees when an event handler fails: a plain toast, never a stack trace or SQL."""

# No `from __future__ import annotations`: Reflex evaluates the handler's annotations in its own module.

import logging

import reflex as rx
from reflex.app import default_backend_exception_handler
from reflex.event import EventSpec

from wheels_wins.db import is_database_down

log = logging.getLogger(__name__)

DATABASE_DOWN = "We can't reach the database right now, so that didn't go through. Please try again in a moment."


def backend_exception_handler(exception: Exception) -> EventSpec:
    """Any handler's unreachable database becomes one friendly toast; anything else gets Reflex's own handling."""
    if is_database_down(exception):
        log.warning("Database unavailable in an event handler: %s", exception.__class__.__name__)
        return rx.toast.error(DATABASE_DOWN, id="database_unavailable")
    return default_backend_exception_handler(exception)
