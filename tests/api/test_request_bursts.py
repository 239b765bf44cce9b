"""A burst of more concurrent requests than the worker has database connections and threads together.

Each request's transaction keeps its pooled connection from the bearer check to the commit, moving
between worker threads on the way. Had every request been let in, the threads could all end up
waiting for a connection while every connection waited for a thread: nothing moves until the pool's
timeout fails the lot (a burst of 120 lists ran at 4-7 req/s, p50 10.4 s, before admission control).
"""

from __future__ import annotations

import asyncio
import time

import httpx

from tests.api import Account
from wheels_wins.db import POOL_MAX_OVERFLOW, POOL_SIZE

BURST = 4 * (POOL_SIZE + POOL_MAX_OVERFLOW)  # past the pool and the 40 threads together
TRIP = {
    "title": "Burst run",
    "waypoints": [
        {"name": "Sydney", "lat": -33.8688, "lon": 151.2093},
        {"name": "Goulburn", "lat": -34.7546, "lon": 149.7186},
    ],
}


async def test_a_burst_past_the_pool_and_the_threads_is_served_without_stalling(
    client: httpx.AsyncClient, alice: Account
) -> None:
    created = await client.post("/api/v1/expenses", headers=alice.headers, json={"amount": "5", "category": "fuel"})
    assert created.status_code == 201

    started = time.monotonic()
    responses = await asyncio.gather(
        *(client.get("/api/v1/expenses?limit=5", headers=alice.headers) for _ in range(BURST))
    )
    elapsed = time.monotonic() - started

    assert [response.status_code for response in responses] == [200] * BURST
    assert all(response.json()["total"] == 1 for response in responses)
    assert elapsed < 8, elapsed  # the pool gives up after 10 s; a stall would show as that


async def test_routes_that_check_the_bearer_in_a_transaction_of_their_own_are_admitted_too(
    client: httpx.AsyncClient, alice: Account
) -> None:
    """The trip and PAM routes check the bearer, then work, each in a transaction of its own (one
    thread's work each); a burst mixing them with lists is served without stalling too."""
    trip = await client.post("/api/v1/trips", headers=alice.headers, json=TRIP)
    assert trip.status_code == 201, trip.text
    route = f"/api/v1/trips/{trip.json()['id']}/route"

    started = time.monotonic()
    responses = await asyncio.gather(
        *(client.get(route if index % 2 else "/api/v1/expenses", headers=alice.headers) for index in range(BURST))
    )
    assert [response.status_code for response in responses] == [200] * BURST
    assert time.monotonic() - started < 8
