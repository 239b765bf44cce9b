"""Marketplace listings: distance filter (box then exact), search, status and price filters, keyset pages, isolation."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from wheels_wins.models import ListingPhoto, MarketplaceListing, Notification
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings
from wheels_wins.repositories.listings import ListingQuery
from wheels_wins.services.geo import haversine_km

DUBBO = (-32.2569, 148.6011)
ORANGE = (-33.2835, 149.1013)  # about 124 km from Dubbo
BOURKE = (-30.0900, 145.9400)  # about 340 km


def _list(session: Session, user_id: uuid.UUID, title: str, point=None, **fields) -> MarketplaceListing:
    lat, lon = point if point else (None, None)
    fields.setdefault("price", Decimal("100"))
    return listings.create(session, user_id=user_id, title=title, lat=lat, lon=lon, **fields)


def _titles(found) -> list[str]:
    return [listing.title for listing, _, _ in found]


def test_distance_filter_keeps_one_just_inside_and_drops_one_just_outside(session: Session, make_user) -> None:
    seller = make_user()
    # Due north of Dubbo, 0.1 km inside and outside a 50 km radius (one degree of latitude is ~111.2 km).
    per_degree = haversine_km(DUBBO, (DUBBO[0] + 1, DUBBO[1]))
    inside = (DUBBO[0] + 49.9 / per_degree, DUBBO[1])
    outside = (DUBBO[0] + 50.1 / per_degree, DUBBO[1])
    # A corner of the bounding box is inside the box but ~70 km away: only the exact measure drops it.
    corner = (DUBBO[0] + 49 / per_degree, DUBBO[1] + 49 / (per_degree * 0.846))
    _list(session, seller.id, "Inside", inside)
    _list(session, seller.id, "Outside", outside)
    _list(session, seller.id, "Corner", corner)
    _list(session, seller.id, "Orange", ORANGE)
    _list(session, seller.id, "Nowhere")
    session.commit()
    assert 49.8 < haversine_km(DUBBO, inside) < 50 < haversine_km(DUBBO, outside) < 50.2
    assert haversine_km(DUBBO, corner) > 50

    found, total, cursor = listings.browse(session, viewer_id=seller.id, query=ListingQuery(near=DUBBO, within_km=50))
    assert _titles(found) == ["Inside"] and total == 1 and cursor is None
    assert found[0][2] == pytest.approx(49.9, abs=0.05)

    nearest, total, _ = listings.browse(session, viewer_id=seller.id, query=ListingQuery(near=DUBBO, sort="nearest"))
    assert _titles(nearest) == ["Inside", "Outside", "Corner", "Orange", "Nowhere"] and total == 5
    assert nearest[-1][2] is None  # without coordinates: last, with no distance
    wide, _, _ = listings.browse(
        session, viewer_id=seller.id, query=ListingQuery(near=DUBBO, within_km=200, sort="nearest")
    )
    assert _titles(wide) == ["Inside", "Outside", "Corner", "Orange"]


def test_bounding_box_encloses_the_radius_and_gives_up_across_the_antimeridian() -> None:
    south, north, west, east = listings.bounding_box(*DUBBO, 100)
    for bearing_point in ((south, DUBBO[1]), (north, DUBBO[1])):
        assert haversine_km(DUBBO, bearing_point) == pytest.approx(100, rel=1e-3)
    assert haversine_km(DUBBO, (north, east)) > 100
    assert listings.bounding_box(-17.0, 179.8, 100) is None  # Fiji: the box would cross ±180°
    assert listings.bounding_box(89.5, 0, 100) is None


def test_a_listing_across_the_antimeridian_is_still_found(session: Session, make_user) -> None:
    seller = make_user()
    _list(session, seller.id, "Taveuni", (-16.9, -179.9))
    session.commit()
    found, _, _ = listings.browse(session, viewer_id=seller.id, query=ListingQuery(near=(-17.0, 179.9), within_km=50))
    assert _titles(found) == ["Taveuni"]


def test_search_condition_price_and_status_filters(session: Session, make_user) -> None:
    seller = make_user()
    _list(
        session,
        seller.id,
        "Weber Baby Q",
        description="Gas BBQ, barely used",
        condition="like_new",
        price=Decimal("180"),
    )
    _list(
        session, seller.id, "Solar blanket 200W", description="With 10 m cable", condition="good", price=Decimal("350")
    )
    _list(
        session, seller.id, "Jockey wheel", description="10 inch", condition="fair", price=Decimal("40"), status="sold"
    )
    _list(session, seller.id, "100% wool rug", description="", condition="good", price=Decimal("0"), status="pending")
    session.commit()

    def titles(**kw) -> list[str]:
        return _titles(listings.browse(session, viewer_id=seller.id, query=ListingQuery(**kw))[0])

    assert titles(text="weber") == ["Weber Baby Q"]
    assert titles(text="bbq gas") == ["Weber Baby Q"]  # every word, in the title or the description
    assert titles(text="cable") == ["Solar blanket 200W"]
    assert titles(text="100%", statuses=("available", "pending")) == ["100% wool rug"]  # % taken literally
    assert set(titles()) == {"Weber Baby Q", "Solar blanket 200W"}  # available only by default
    assert set(titles(statuses=("available", "pending", "sold"))) == {
        "Weber Baby Q",
        "Solar blanket 200W",
        "Jockey wheel",
        "100% wool rug",
    }
    assert titles(condition="good") == ["Solar blanket 200W"]
    assert titles(max_price=Decimal("200")) == ["Weber Baby Q"]
    assert titles(sort="price", statuses=("available", "pending", "sold")) == [
        "100% wool rug",
        "Jockey wheel",
        "Weber Baby Q",
        "Solar blanket 200W",
    ]


def test_keyset_pages_walk_every_order_without_repeats(session: Session, make_user) -> None:
    seller = make_user()
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for i in range(7):
        listing = _list(session, seller.id, f"Item {i}", (DUBBO[0] - i * 0.1, DUBBO[1]), price=Decimal(10 * (i % 3)))
        listing.created_at = start + dt.timedelta(hours=i // 2)  # ties in time and price: the id breaks them
        session.add(listing)
    session.commit()
    for query in (
        ListingQuery(),
        ListingQuery(sort="price"),
        ListingQuery(near=DUBBO, sort="nearest"),
        ListingQuery(near=DUBBO, within_km=500, sort="newest"),
    ):
        seen: list[str] = []
        after = None
        while True:
            page, total, after = listings.browse(session, viewer_id=seller.id, query=query, limit=3, after=after)
            seen += _titles(page)
            if after is None:
                break
        assert sorted(seen) == [f"Item {i}" for i in range(7)] and total == 7, query
        whole, _, _ = listings.browse(session, viewer_id=seller.id, query=query, limit=50)
        assert seen == _titles(whole), query
    newest, _, _ = listings.browse(session, viewer_id=seller.id, query=ListingQuery(), limit=50)
    assert [listing.created_at for listing, _, _ in newest] == sorted(
        (listing.created_at for listing, _, _ in newest), reverse=True
    )


def test_only_the_seller_changes_a_listing(session: Session, make_user) -> None:
    seller, other = make_user(), make_user()
    listing = _list(session, seller.id, "Weber Baby Q", DUBBO)
    session.commit()
    assert listings.get_own(session, user_id=other.id, listing_id=listing.id) is None
    assert listings.update(session, user_id=other.id, listing_id=listing.id, changes={"status": "sold"}) is None
    assert listings.delete(session, user_id=other.id, listing_id=listing.id) is None
    assert photo_repo.add_photo(session, user_id=other.id, listing_id=listing.id, photo_path="x/y.jpg") is None
    assert photo_repo.set_photos(session, user_id=other.id, listing_id=listing.id, paths=["x/y.jpg"]) is None
    session.commit()
    assert session.get(MarketplaceListing, listing.id).status == "available"
    # Anyone signed in reads it, with the seller.
    found = listings.get(session, viewer_id=other.id, listing_id=listing.id)
    assert found is not None and found[1].id == seller.id
    assert listings.update(session, user_id=seller.id, listing_id=listing.id, changes={"status": "sold"}) is not None


def test_photos_keep_their_order_and_leave_with_the_listing(session: Session, make_user) -> None:
    seller, other = make_user(), make_user()
    listing = _list(session, seller.id, "Solar blanket", DUBBO)
    paths = [f"{seller.id}/listings/{i}.jpg" for i in range(7)]
    for path in paths[:6]:
        assert photo_repo.add_photo(session, user_id=seller.id, listing_id=listing.id, photo_path=path) is not None
    assert (
        photo_repo.add_photo(session, user_id=seller.id, listing_id=listing.id, photo_path=paths[6]) is None
    )  # six at most
    photo = photo_repo.photos_of(session, listing_ids=[listing.id])[listing.id][1]
    assert photo_repo.remove_photo(session, user_id=other.id, listing_id=listing.id, photo_id=photo.id) is None
    assert photo_repo.remove_photo(session, user_id=seller.id, listing_id=listing.id, photo_id=photo.id) == paths[1]
    dropped = photo_repo.set_photos(
        session, user_id=seller.id, listing_id=listing.id, paths=[paths[5], paths[0], paths[6]]
    )
    assert sorted(dropped) == sorted([paths[2], paths[3], paths[4]])
    ordered = photo_repo.photos_of(session, listing_ids=[listing.id])[listing.id]
    assert [p.photo_path for p in ordered] == [paths[5], paths[0], paths[6]]
    assert photo_repo.photo_paths(session, user_id=seller.id) == {paths[5], paths[0], paths[6]}
    assert listings.delete(session, user_id=seller.id, listing_id=listing.id) == [paths[5], paths[0], paths[6]]
    session.commit()
    assert session.exec(select(ListingPhoto)).all() == []


def test_interest_notifies_the_seller_once_per_buyer(session: Session, make_user) -> None:
    seller, buyer, another = make_user(full_name="Sam Seller"), make_user(full_name="Bea Buyer"), make_user()
    listing = _list(session, seller.id, "Jockey wheel", DUBBO)
    session.commit()
    assert not listings.interest_sent(session, user_id=buyer.id, listing_id=listing.id)
    assert listings.express_interest(session, user_id=buyer.id, listing_id=listing.id) is True
    assert listings.interest_sent(session, user_id=buyer.id, listing_id=listing.id)
    assert not listings.interest_sent(session, user_id=another.id, listing_id=listing.id)
    assert listings.express_interest(session, user_id=buyer.id, listing_id=listing.id) is True
    assert listings.express_interest(session, user_id=another.id, listing_id=listing.id) is True
    assert listings.express_interest(session, user_id=seller.id, listing_id=listing.id) is False
    assert listings.express_interest(session, user_id=buyer.id, listing_id=uuid.uuid4()) is None
    session.commit()
    notes = session.exec(select(Notification).where(Notification.user_id == seller.id)).all()
    assert len(notes) == 2 and {n.kind for n in notes} == {"listing_interest"}
    bea = next(n for n in notes if "Bea Buyer" in n.title)
    assert "Jockey wheel" in bea.title and bea.link == f"/social?tab=market&listing={listing.id}"
    listings.update(session, user_id=seller.id, listing_id=listing.id, changes={"status": "sold"})
    assert listings.express_interest(session, user_id=make_user().id, listing_id=listing.id) is False
