"""Every /api/v1 route, read from the app's own route table: no valid bearer is 401, another user's record is 404.

A route added later is covered automatically by the 401 matrix; one with a path parameter this file has
no factory for fails `test_every_route_is_covered` until it is given one (or allow-listed as public).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import _IncludedRouter
from PIL import Image
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account, assert_error
from wheels_wins.api.app import V1_PREFIX, fastapi_app
from wheels_wins.api.deps import _session_only
from wheels_wins.db import utcnow
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.services.auth import hash_token

# Public by design: creating an account and signing in.
PUBLIC = frozenset({("POST", "/api/v1/auth/register"), ("POST", "/api/v1/auth/login")})
_PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def _walk(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        if isinstance(route, _IncludedRouter):
            yield from _walk(route.effective_candidates())
        else:
            yield route


def operations() -> list[tuple[str, str]]:
    """(method, path) of every route under /api/v1, as the app serves them."""
    found = {
        (method, route.path)
        for route in _walk(fastapi_app.routes)
        if getattr(route, "path", "").startswith(V1_PREFIX + "/")
        for method in (getattr(route, "methods", None) or ())
        if method not in ("HEAD", "OPTIONS")
    }
    return sorted(found, key=lambda op: (op[1], op[0]))


def params(path: str) -> list[str]:
    """The path parameters of a route."""
    return _PARAM.findall(path)


def fill(path: str, values: dict[str, str]) -> str:
    """The route's path with its parameters replaced."""
    return _PARAM.sub(lambda match: values[match.group(1)], path)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, format="JPEG")
    return out.getvalue()


def _tamper(token: str) -> str:
    middle = len(token) // 2
    return token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


STATEMENT = b"Date,Description,Amount\n03/03/2026,WOOLWORTHS DUBBO,-45.20\n04/03/2026,BP DUBBO,-80.00\n"
JPEG = ("photo.jpg", _jpeg(), "image/jpeg")

# A valid request for each operation that needs one, so a refusal can only come from ownership.
REQUESTS: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/v1/expenses/{expense_id}"): {"json": {"amount": "1.00"}},
    ("PATCH", "/api/v1/income/{income_id}"): {"json": {"source": "Stolen"}},
    ("PATCH", "/api/v1/trips/{trip_id}"): {"json": {"title": "Theirs"}},
    ("PATCH", "/api/v1/places/{place_id}"): {"json": {"name": "Theirs"}},
    ("PATCH", "/api/v1/fuel/{fuel_id}"): {"json": {"total_cost": "1.00"}},
    ("PATCH", "/api/v1/maintenance/{record_id}"): {"json": {"task": "Nothing"}},
    ("PATCH", "/api/v1/maintenance/schedules/{schedule_id}"): {"json": {"task": "Nothing"}},
    ("PATCH", "/api/v1/calendar/{event_id}"): {"json": {"title": "Cancelled"}},
    ("PATCH", "/api/v1/posts/{post_id}"): {"json": {"content": "Defaced"}},
    ("PATCH", "/api/v1/comments/{comment_id}"): {"json": {"content": "Defaced"}},
    ("PATCH", "/api/v1/groups/{group_id}"): {"json": {"description": "Defaced"}},
    ("PATCH", "/api/v1/listings/{listing_id}"): {"json": {"status": "sold"}},
    ("PATCH", "/api/v1/notifications/{notification_id}"): {"json": {"read": True}},
    ("PATCH", "/api/v1/imports/{import_id}"): {"json": {"has_header": False}},
    ("PUT", "/api/v1/budgets/{category}"): {"json": {"amount": "5"}},
    ("POST", "/api/v1/groups/{group_id}/posts"): {"json": {"content": "Hello group"}},
    ("POST", "/api/v1/posts/{post_id}/comments"): {"json": {"content": "Nice"}},
    ("PUT", "/api/v1/posts/{post_id}/photo"): {"files": {"photo": JPEG}},
    ("POST", "/api/v1/listings/{listing_id}/photos"): {"files": {"photo": JPEG}},
}

# What another user gets where it is not 404: shared-readable social records, membership rules, signed photos.
NOT_404: dict[tuple[str, str], int] = {
    ("GET", "/api/v1/posts/{post_id}"): 200,
    ("GET", "/api/v1/posts/{post_id}/comments"): 200,
    ("GET", "/api/v1/posts/{post_id}/photo"): 200,
    ("GET", "/api/v1/groups/{group_id}"): 200,
    ("GET", "/api/v1/groups/{group_id}/posts"): 200,
    ("POST", "/api/v1/groups/{group_id}/posts"): 403,  # members only
    ("DELETE", "/api/v1/groups/{group_id}/membership"): 200,  # leaving a group one isn't in changes nothing
    ("GET", "/api/v1/listings/{listing_id}"): 200,
    ("GET", "/api/v1/listing-photos/{photo_id}"): 200,
    ("GET", "/api/v1/avatars/{avatar_id}"): 401,  # opened by its signed URL only
    ("PUT", "/api/v1/budgets/{category}"): 200,  # a category names the caller's own budget: B sets B's
}

# Social actions anyone signed in may take on a shared record; they add the actor's own rows.
SOCIAL_ACTIONS: dict[tuple[str, str], int] = {
    ("POST", "/api/v1/posts/{post_id}/like"): 200,
    ("DELETE", "/api/v1/posts/{post_id}/like"): 200,
    ("POST", "/api/v1/posts/{post_id}/comments"): 201,
    ("PUT", "/api/v1/groups/{group_id}/membership"): 200,
    ("POST", "/api/v1/listings/{listing_id}/interest"): 204,
    ("POST", "/api/v1/posts/{post_id}/report"): 204,  # last: a report hides the post from the reporter
}


@dataclass
class World:
    """The API client, the owner of the records, and the other user."""

    client: httpx.AsyncClient
    owner: Account
    other: Account

    async def make(self, method: str, url: str, status: int = 201, **kw: Any) -> dict[str, Any]:
        """A request as the owner that must succeed; its JSON body."""
        response = await self.client.request(method, url, headers=self.owner.headers, **kw)
        assert response.status_code == status, f"{method} {url}: {response.text}"
        return response.json()


async def _record(world: World, collection: str, body: dict[str, Any]) -> str:
    return (await world.make("POST", f"/api/v1/{collection}", json=body))["id"]


async def _post(world: World) -> str:
    post_id = await _record(world, "posts", {"content": "Mine to edit"})
    await world.make("PUT", f"/api/v1/posts/{post_id}/photo", 200, files={"photo": JPEG})
    return post_id


async def _comment(world: World, ids: dict[str, str]) -> str:
    return await _record(world, f"posts/{ids['post_id']}/comments", {"content": "First!"})


async def _notification(world: World, ids: dict[str, str]) -> str:
    comment = {"content": "Lovely spot"}
    made = await world.client.post(
        f"/api/v1/posts/{ids['post_id']}/comments", json=comment, headers=world.other.headers
    )
    assert made.status_code == 201, made.text
    return (await world.make("GET", "/api/v1/notifications", 200))["items"][0]["id"]


async def _listing(world: World) -> str:
    return await _record(world, "listings", {"title": "Weber Baby Q", "price": "180", "condition": "like_new"})


async def _listing_photo(world: World, ids: dict[str, str]) -> str:
    listing = await world.make("POST", f"/api/v1/listings/{ids['listing_id']}/photos", files={"photo": JPEG})
    return listing["photos"][0]["id"]


async def _avatar(world: World) -> str:
    url = (await world.make("PUT", "/api/v1/me/avatar", 200, files={"photo": JPEG}))["avatar_url"]
    return url.split("?")[0].rsplit("/", 1)[-1]


async def _conversation(world: World) -> str:
    return (await world.make("POST", "/api/v1/pam/chat", 200, json={"message": "hello"}))["conversation_id"]


async def _budget(world: World) -> str:
    await world.make("PUT", "/api/v1/budgets/dining", 200, json={"amount": "400"})
    return "dining"


async def _import(world: World) -> str:
    return (await world.make("POST", "/api/v1/imports", files={"file": ("march.csv", STATEMENT, "text/csv")}))["id"]


Factory = Callable[[World, dict[str, str]], Awaitable[str]]


def _create(collection: str, body: dict[str, Any]) -> Factory:
    return lambda world, ids: _record(world, collection, body)


# path parameter -> (how the owner makes one, where the owner reads it back). Order matters: later ones use earlier.
RESOURCES: dict[str, tuple[Factory, str]] = {
    "expense_id": (_create("expenses", {"amount": "12.50", "category": "dining"}), "/api/v1/expenses/{expense_id}"),
    "income_id": (_create("income", {"amount": "300", "source": "Caretaking"}), "/api/v1/income/{income_id}"),
    "trip_id": (
        _create("trips", {"title": "Mine", "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}),
        "/api/v1/trips/{trip_id}",
    ),
    "place_id": (
        _create("places", {"name": "Lake Keepit", "kind": "free_camp", "lat": -30.87, "lon": 150.52}),
        "/api/v1/places/{place_id}",
    ),
    "fuel_id": (_create("fuel", {"litres": "40", "total_cost": "80"}), "/api/v1/fuel/{fuel_id}"),
    "record_id": (_create("maintenance", {"task": "Grease bearings", "cost": "45"}), "/api/v1/maintenance/{record_id}"),
    "schedule_id": (
        _create("maintenance/schedules", {"task": "Oil change", "every_km": 10000}),
        "/api/v1/maintenance/schedules/{schedule_id}",
    ),
    "event_id": (_create("calendar", {"title": "Ferry", "start": "2026-03-01"}), "/api/v1/calendar/{event_id}"),
    "rule_id": (_create("category-rules", {"keyword": "woolies", "category": "groceries"}), "/api/v1/category-rules"),
    "category": (lambda world, ids: _budget(world), "/api/v1/budgets/{category}"),
    "import_id": (lambda world, ids: _import(world), "/api/v1/imports/{import_id}"),
    "token_id": (_create("me/tokens", {"name": "Sync", "scope": "write"}), "/api/v1/me/tokens"),
    "post_id": (lambda world, ids: _post(world), "/api/v1/posts/{post_id}"),
    "comment_id": (_comment, "/api/v1/posts/{post_id}/comments"),
    "notification_id": (_notification, "/api/v1/notifications"),
    "group_id": (_create("groups", {"name": "Solar nerds"}), "/api/v1/groups/{group_id}"),
    "listing_id": (lambda world, ids: _listing(world), "/api/v1/listings/{listing_id}"),
    "photo_id": (_listing_photo, "/api/v1/listings/{listing_id}"),
    "avatar_id": (lambda world, ids: _avatar(world), "/api/v1/me"),
    "conversation_id": (lambda world, ids: _conversation(world), "/api/v1/pam/conversations/{conversation_id}"),
}

_SIGNED = re.compile(r"(/api/v1/[^\s\"?]+)\?[^\s\"]*")


async def _snapshot(world: World, ids: dict[str, str]) -> dict[str, Any]:
    """What the owner sees of each record (signed URLs without their time-dependent signature)."""
    seen = {}
    for name, (_, read) in RESOURCES.items():
        response = await world.client.get(fill(read, ids), headers=world.owner.headers)
        assert response.status_code == 200, f"{name}: {response.text}"
        seen[name] = _SIGNED.sub(r"\1", response.text)
    return seen


async def _world(client: httpx.AsyncClient, owner: Account, other: Account) -> tuple[World, dict[str, str]]:
    world = World(client, owner, other)
    ids: dict[str, str] = {}
    for name, (factory, _) in RESOURCES.items():
        ids[name] = await factory(world, ids)
    return world, ids


def test_every_route_is_covered() -> None:
    """A new route with an unknown path parameter, or a stale entry in the tables here, fails this test."""
    ops = operations()
    assert len(ops) > 100
    missing = [f"{m} {p}" for m, p in ops if (m, p) not in PUBLIC and set(params(p)) - set(RESOURCES)]
    assert not missing, f"routes whose ids have no factory in RESOURCES (add one, or allow-list): {missing}"
    stale = [op for op in [*PUBLIC, *REQUESTS, *NOT_404, *SOCIAL_ACTIONS] if op not in ops]
    assert not stale, f"entries naming routes that no longer exist: {stale}"


async def _expired_session(engine: Engine, account: Account) -> str:
    token = f"expired-{uuid.uuid4().hex}"
    with Session(engine) as session:
        sessions_repo.create(
            session,
            user_id=uuid.UUID(account.id),
            token_hash=hash_token(token),
            expires_at=utcnow() - dt.timedelta(minutes=1),
        )
        session.commit()
    return token


BAD_CREDENTIALS = ["none", "garbage", "basic", "empty_bearer", "tampered_session", "expired_session", "tampered_pat"]


@pytest.mark.parametrize("credential", BAD_CREDENTIALS)
async def test_every_route_refuses_a_missing_or_bad_bearer(
    client: httpx.AsyncClient, alice: Account, engine: Engine, credential: str
) -> None:
    pat = (await client.post("/api/v1/me/tokens", json={"name": "Sync"}, headers=alice.headers)).json()["token"]
    headers = {
        "none": {},
        "garbage": {"Authorization": "garbage"},
        "basic": {"Authorization": "Basic YWxpY2U6aHVudGVyMg=="},
        "empty_bearer": {"Authorization": "Bearer "},
        "tampered_session": _bearer(_tamper(alice.token)),
        "expired_session": _bearer(await _expired_session(engine, alice)),
        "tampered_pat": _bearer(_tamper(pat)),
    }[credential]
    assert (await client.get("/api/v1/me", headers=alice.headers)).status_code == 200  # the real token works
    failures = []
    for method, path in operations():
        if (method, path) in PUBLIC:
            continue
        url = fill(path, {name: "dining" if name == "category" else str(uuid.uuid4()) for name in params(path)})
        response = await client.request(method, url, headers=headers, json={})
        body = response.json() if response.headers.get("content-type") == "application/json" else {}
        if response.status_code != 401 or body.get("error", {}).get("code") != "not_authenticated":
            failures.append(f"{method} {path} -> {response.status_code} {response.text[:120]}")
    assert not failures, "\n".join(failures)


async def _bearer_of(client: httpx.AsyncClient, account: Account, kind: str) -> dict[str, str]:
    if kind == "session":
        return account.headers
    made = await client.post(
        "/api/v1/me/tokens", json={"name": kind, "scope": kind.split("_")[0]}, headers=account.headers
    )
    return _bearer(made.json()["token"])


def _expected(method: str, path: str, kind: str) -> int:
    if kind != "session" and _session_only(method, path):
        return 403
    return NOT_404.get((method, path), 404)


@pytest.mark.parametrize("kind", ["session", "write_token", "read_token"])
async def test_another_users_records_are_out_of_reach(
    client: httpx.AsyncClient, alice: Account, bob: Account, kind: str
) -> None:
    world, ids = await _world(client, alice, bob)
    before = await _snapshot(world, ids)
    headers = await _bearer_of(client, bob, kind)
    failures = []
    for method, path in operations():
        if not params(path) or (method, path) in SOCIAL_ACTIONS or (method, path) in PUBLIC:
            continue
        if kind == "read_token" and method != "GET":
            continue
        expected = _expected(method, path, kind)
        response = await client.request(method, fill(path, ids), headers=headers, **REQUESTS.get((method, path), {}))
        if response.status_code != expected:
            failures.append(f"{method} {path} -> {response.status_code}, expected {expected}: {response.text[:160]}")
        elif expected >= 400:
            assert_error(response, expected)
    assert not failures, "\n".join(failures)
    assert await _snapshot(world, ids) == before


async def test_social_actions_on_shared_records_leave_them_the_owners(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    world, ids = await _world(client, alice, bob)
    for (method, path), expected in SOCIAL_ACTIONS.items():
        response = await client.request(
            method, fill(path, ids), headers=bob.headers, **REQUESTS.get((method, path), {})
        )
        assert response.status_code == expected, f"{method} {path}: {response.text}"
    post = await world.make("GET", f"/api/v1/posts/{ids['post_id']}", 200)
    assert post["content"] == "Mine to edit" and post["author"]["id"] == alice.id
    assert post["like_count"] == 0 and post["comment_count"] == 3  # the owner's, the one that notified, Bob's
    group = await world.make("GET", f"/api/v1/groups/{ids['group_id']}", 200)
    assert group["name"] == "Solar nerds" and group["member_count"] == 2
    listing = await world.make("GET", f"/api/v1/listings/{ids['listing_id']}", 200)
    assert listing["status"] == "available" and listing["mine"] is True
    assert_error(await client.get(f"/api/v1/posts/{ids['post_id']}", headers=bob.headers), 404)  # hidden once reported


async def test_ids_in_request_bodies_are_checked_too(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    world, ids = await _world(client, alice, bob)
    conversation = await world.make("GET", f"/api/v1/pam/conversations/{ids['conversation_id']}", 200)
    message_id = conversation["messages"][-1]["id"]
    feedback = {"message_id": message_id, "rating": "down"}
    assert_error(await client.post("/api/v1/pam/feedback", json=feedback, headers=bob.headers), 404)
    chat = {"message": "delete everything", "conversation_id": ids["conversation_id"]}
    assert_error(await client.post("/api/v1/pam/chat", json=chat, headers=bob.headers), 404)
    assert await world.make("GET", f"/api/v1/pam/conversations/{ids['conversation_id']}", 200) == conversation
