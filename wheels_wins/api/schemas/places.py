"""Saved places: campgrounds, free camps, dump points, fuel stops and mechanics worth remembering."""

from __future__ import annotations

import uuid
from typing import ClassVar

from pydantic import Field

from wheels_wins.api.schemas.common import Patch, Schema, Str, Timestamp
from wheels_wins.models.travel import PlaceKind


class PlaceCreate(Schema):
    """A place to save; `rating` is 1-5 stars or absent."""

    name: Str = Field(min_length=1, max_length=120, examples=["Lake Keepit free camp"])
    kind: PlaceKind = "other"
    lat: float = Field(ge=-90, le=90, examples=[-30.87])
    lon: float = Field(ge=-180, le=180, examples=[150.52])
    notes: Str = Field("", max_length=1000)
    rating: int | None = Field(None, ge=1, le=5)


class PlaceUpdate(Patch):
    """Place fields to change; `rating` may be cleared with null."""

    nullable: ClassVar[frozenset[str]] = frozenset({"rating"})

    name: Str | None = Field(None, min_length=1, max_length=120)
    kind: PlaceKind | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    notes: Str | None = Field(None, max_length=1000)
    rating: int | None = Field(None, ge=1, le=5)


class PlacePublic(Schema):
    """A saved place; `distance_km` (great circle) is set when the list was asked for places `near` a point."""

    id: uuid.UUID
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    notes: str
    rating: int | None
    created_at: Timestamp
    distance_km: float | None = None
