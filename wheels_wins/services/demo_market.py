"""Demo marketplace listings: the demo user's gear for sale at real Australian towns (and some from neighbours)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlmodel import Session, select

from wheels_wins.models import MarketplaceListing, User
from wheels_wins.repositories import listings as listing_repo

# (seller: -1 for the demo user, else an index into `neighbours`; title, price, condition, status, town, lat, lon, description)
_LISTINGS: list[tuple[int, str, str, str, str, str, float, float, str]] = [
    (
        -1,
        "Weber Baby Q (Q1200) with cover",
        "220",
        "like_new",
        "available",
        "Dubbo, New South Wales",
        -32.2569,
        148.6011,
        "Used on two trips. Comes with the cover, a regulator hose and a spare trivet. Pick up from the showground.",
    ),
    (
        -1,
        "Solar blanket 200W with 10 m Anderson lead",
        "340",
        "good",
        "available",
        "Mudgee, New South Wales",
        -32.5943,
        149.5874,
        "Folds to a briefcase. Still puts out about 170W in full sun. Upgraded to roof panels, so it has to go.",
    ),
    (
        -1,
        "Jockey wheel, 10 inch, with clamp",
        "45",
        "fair",
        "pending",
        "Orange, New South Wales",
        -33.2835,
        149.1013,
        "Solid rubber tyre, turns smoothly. Some surface rust on the clamp.",
    ),
    (
        -1,
        "Dometic 12V compressor fridge, 40 L",
        "650",
        "good",
        "available",
        "Bathurst, New South Wales",
        -33.4193,
        149.5775,
        "Runs on 12/24V and mains. Small dent on the lid, works perfectly. Manual included.",
    ),
    (
        -1,
        "Levelling ramps (pair) and chocks",
        "30",
        "good",
        "sold",
        "Parkes, New South Wales",
        -33.1370,
        148.1750,
        "Stackable ramps rated to 4 t per pair, with two wheel chocks.",
    ),
    (
        0,
        "Annexe walls, full set for a 19 ft van",
        "400",
        "like_new",
        "available",
        "Toowoomba, Queensland",
        -27.5598,
        151.9507,
        "Three walls with windows and zips, used twice.",
    ),
    (
        1,
        "Lithium battery 100Ah with Bluetooth BMS",
        "480",
        "good",
        "available",
        "Bendigo, Victoria",
        -36.7570,
        144.2794,
        "Two years old, around 300 cycles, holds full capacity. Swapping to a 200Ah.",
    ),
]


def seed_demo_listings(session: Session, *, user: User, neighbours: Sequence[User] = ()) -> list[MarketplaceListing]:
    """Create the demo user's listings once (and the neighbours' when given); none if the user already has some."""
    if session.exec(select(MarketplaceListing.id).where(MarketplaceListing.user_id == user.id)).first() is not None:
        return []
    made = []
    for seller, title, price, condition, status, town, lat, lon, description in _LISTINGS:
        if seller >= len(neighbours):
            continue
        owner = user if seller < 0 else neighbours[seller]
        made.append(
            listing_repo.create(
                session,
                user_id=owner.id,
                title=title,
                price=Decimal(price),
                condition=condition,
                status=status,
                location=town,
                lat=lat,
                lon=lon,
                description=description,
            )
        )
    return made
