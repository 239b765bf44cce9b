"""Reflex configuration, derived from the app's one Settings object."""

from urllib.parse import urlsplit

import reflex as rx

from wheels_wins.settings import get_settings

_settings = get_settings()


def _origin(url: str) -> str:
    """A browser's Origin for a URL (scheme://host[:port]): a trailing slash or path would never match one."""
    if url == "*":
        return url
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


config = rx.Config(
    app_name="wheels_wins",
    db_url=_settings.effective_database_url,
    # REFLEX_REDIS_URL in the environment still wins: Reflex applies REFLEX_* variables last.
    redis_url=_settings.redis_url,
    # With Redis, each event handler holds its session's lock for its whole run; one outliving the lock
    # loses its changes (LockExpiredError). Reflex's 10 s is close to planning a trip (database work,
    # then a router with a 5 s limit) or signing in through Supabase (8 s); a dead worker's lock holds
    # its sessions up for at most this long.
    redis_lock_expiration=20_000,
    # An idle tab's state lives an hour, as with one worker's memory; what matters is in the database.
    redis_token_expiration=60 * 60,
    # REST (Starlette's CORSMiddleware) and the /_event websocket (engine.io checks Origin) allow these only.
    cors_allowed_origins=[_origin(url) for url in _settings.cors_allowed_origins or [_settings.public_url]],
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="teal", radius="medium"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
