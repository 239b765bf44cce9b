"""The marketplace: listings (title, price, condition, where it is, status) and their photos."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
    model_validator,
)

from wheels_wins.api.schemas.common import MAX_MONEY, MoneyOut, Page, Patch, Schema, Str, Timestamp, _exact_decimal
from wheels_wins.models import ListingPhoto, MarketplaceListing, User
from wheels_wins.services import photos
from wheels_wins.services.market import MAX_LOCATION

Condition = Literal["new", "like_new", "good", "fair", "for_parts"]
Status = Literal["available", "pending", "sold"]
Sort = Literal["nearest", "newest", "price"]

Price = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal(2)),
    Field(ge=0, le=MAX_MONEY),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"}, {"type": "number", "minimum": 0}],
            "description": "0 (free) or more, at most 2 decimal places; a string or a number",
            "examples": ["120.00"],
        },
        mode="validation",
    ),
    PlainSerializer(lambda value: f"{value:.2f}", return_type=str, when_used="json"),
]
"""A price in the seller's currency: zero (free) or more, at most two decimal places."""

MAX_TITLE = 120
MAX_DESCRIPTION = 2000


def _both_or_neither(values: Any) -> Any:
    if isinstance(values, dict) and (values.get("lat") is None) != (values.get("lon") is None):
        raise ValueError("lat and lon: give both, or neither")
    return values


class ListingCreate(Schema):
    """Something to sell; `location` is a town or a saved place's name, `lat`/`lon` where it is (both or neither)."""

    title: Str = Field(min_length=1, max_length=MAX_TITLE, examples=["Weber Baby Q"])
    price: Price
    condition: Condition = "good"
    description: Str = Field("", max_length=MAX_DESCRIPTION)
    location: Str = Field("", max_length=MAX_LOCATION, examples=["Dubbo, New South Wales"])
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    status: Status = "available"

    @model_validator(mode="before")
    @classmethod
    def _point(cls, values: Any) -> Any:
        return _both_or_neither(values)


class ListingUpdate(Patch):
    """Listing fields to change; `lat`/`lon` may be cleared together with null."""

    nullable: ClassVar[frozenset[str]] = frozenset({"lat", "lon"})

    title: Str | None = Field(None, min_length=1, max_length=MAX_TITLE)
    price: Price | None = None
    condition: Condition | None = None
    description: Str | None = Field(None, max_length=MAX_DESCRIPTION)
    location: Str | None = Field(None, max_length=MAX_LOCATION)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    status: Status | None = None

    @model_validator(mode="before")
    @classmethod
    def _point(cls, values: Any) -> Any:
        if isinstance(values, dict) and ("lat" in values) != ("lon" in values):
            raise ValueError("lat and lon: change both together")
        return _both_or_neither(values)


class Seller(Schema):
    """Who sells (their display name only)."""

    full_name: str


class ListingPhotoPublic(Schema):
    """One photo; `url` is signed and usable without a bearer token for about an hour."""

    id: uuid.UUID
    url: str

    @classmethod
    def of(cls, photo: ListingPhoto) -> ListingPhotoPublic:
        """The public view of a listing photo."""
        return cls(id=photo.id, url=photos.signed_url(photo.id, kind="listing"))


class ListingPublic(Schema):
    """A listing with its seller, photos (the first is the cover) and, when asked `near` a point, its distance."""

    id: uuid.UUID
    title: str
    description: str
    price: MoneyOut
    currency: str = Field(description="The seller's currency, which the price is in")
    condition: str
    location: str
    lat: float | None
    lon: float | None
    status: str
    created_at: Timestamp
    updated_at: Timestamp
    seller: Seller
    mine: bool = Field(description="Whether the signed-in user is the seller")
    photos: list[ListingPhotoPublic] = []
    distance_km: float | None = None

    @classmethod
    def of(
        cls,
        listing: MarketplaceListing,
        seller: User,
        *,
        viewer_id: uuid.UUID,
        pictures: list[ListingPhoto] = (),  # type: ignore[assignment]
        km: float | None = None,
    ) -> ListingPublic:
        """The public view of `listing` by `seller`."""
        return cls(
            id=listing.id,
            title=listing.title,
            description=listing.description,
            price=listing.price,
            currency=seller.currency,
            condition=listing.condition,
            location=listing.location,
            lat=listing.lat,
            lon=listing.lon,
            status=listing.status,
            created_at=listing.created_at,
            updated_at=listing.updated_at,
            seller=Seller(full_name=seller.full_name or "A traveller"),
            mine=listing.user_id == viewer_id,
            photos=[ListingPhotoPublic.of(photo) for photo in pictures],
            distance_km=None if km is None else round(km, 2),
        )


class ListingPage(Page[ListingPublic]):
    """A page of listings; pass `next_cursor` as `cursor` for the next one (absent on the last page)."""

    next_cursor: str | None = Field(None, description="The cursor of the next page; absent on the last page")

    @model_serializer(mode="wrap")
    def _omit_missing_cursor(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("next_cursor") is None:
            data.pop("next_cursor", None)
        return data
