"""Route constants, the navigation list and URL builders."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote, urlsplit

HOME = "/"
WHEELS = "/wheels"
WINS = "/wins"
SOCIAL = "/social"
YOU = "/you"
NOTIFICATIONS = "/notifications"
LOGIN = "/login"
REGISTER = "/register"


class NavItem(NamedTuple):
    """One entry in the sidebar and the phone tab bar."""

    label: str
    route: str
    icon: str


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("Home", HOME, "layout-dashboard"),
    NavItem("Wheels", WHEELS, "map"),
    NavItem("Wins", WINS, "wallet"),
    NavItem("Social", SOCIAL, "users"),
    NavItem("You", YOU, "circle-user"),
)

APP_ROUTES: frozenset[str] = frozenset(item.route for item in NAV_ITEMS)


def safe_next(value: str | None, default: str = HOME) -> str:
    """A same-site path to return to after sign-in; anything else (other hosts, auth pages) is `default`."""
    if not value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    if parts.path in (LOGIN, REGISTER):
        return default
    return value


def login_url(next_path: str | None = None) -> str:
    """The sign-in page, coming back to `next_path` afterwards."""
    target = safe_next(next_path)
    return LOGIN if target == HOME else f"{LOGIN}?next={quote(target, safe='/')}"


def register_url(next_path: str | None = None) -> str:
    """The sign-up page, coming back to `next_path` afterwards."""
    target = safe_next(next_path)
    return REGISTER if target == HOME else f"{REGISTER}?next={quote(target, safe='/')}"
