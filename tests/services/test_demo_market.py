"""Demo marketplace listings: the demo user's gear at real towns, seeded once, neighbours' only when given."""

from __future__ import annotations

from sqlmodel import Session, select

from wheels_wins.api.schemas.market import ListingCreate
from wheels_wins.models import MarketplaceListing
from wheels_wins.services import gazetteer
from wheels_wins.services.demo_market import seed_demo_listings
from wheels_wins.services.geo import haversine_km


def test_seeds_valid_listings_at_real_towns_once(session: Session, make_user) -> None:
    demo, marg, dave = make_user(), make_user(), make_user()
    made = seed_demo_listings(session, user=demo, neighbours=[marg, dave])
    session.commit()
    mine = [listing for listing in made if listing.user_id == demo.id]
    assert len(mine) == 5 and len(made) == 7
    assert {listing.status for listing in mine} == {"available", "pending", "sold"}
    for listing in made:
        ListingCreate.model_validate(listing.model_dump())  # every demo listing passes the API's own checks
        town = gazetteer.candidates(listing.location.split(",")[0], limit=1)
        assert town and haversine_km((town[0].lat, town[0].lon), (listing.lat, listing.lon)) < 15, listing.location
    assert seed_demo_listings(session, user=demo, neighbours=[marg, dave]) == []
    assert len(session.exec(select(MarketplaceListing)).all()) == 7


def test_without_neighbours_only_the_demo_users_listings(session: Session, make_user) -> None:
    demo = make_user()
    made = seed_demo_listings(session, user=demo)
    assert len(made) == 5 and {listing.user_id for listing in made} == {demo.id}
