"""Saved places: CRUD, newest-first pages, kinds, and nearest-first by great-circle distance."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from wheels_wins.models import SavedPlace
from wheels_wins.repositories import places
from wheels_wins.services.geo import haversine_km

DUBBO = (-32.2569, 148.6011)
CAMPS = {
    "Lake Burrendong": (-32.67, 149.11, "campground"),
    "Ponto Falls": (-32.58, 148.86, "free_camp"),
    "Dubbo dump point": (-32.25, 148.61, "dump_point"),
    "Orange Caltex": (-33.28, 149.10, "fuel"),
    "Bourke mechanic": (-30.09, 145.94, "mechanic"),
    "Cairns camp": (-16.92, 145.78, "campground"),
}


def _save_all(session: Session, user_id) -> dict[str, SavedPlace]:
    saved = {
        name: places.create(session, user_id=user_id, name=name, kind=kind, lat=lat, lon=lon)
        for name, (lat, lon, kind) in CAMPS.items()
    }
    session.commit()
    return saved


def test_create_get_update_delete(session: Session, make_user) -> None:
    user = make_user()
    place = places.create(
        session, user_id=user.id, name="Lake Keepit", kind="free_camp", lat=-30.87, lon=150.52, notes="Shady", rating=4
    )
    session.commit()
    found = places.get(session, user_id=user.id, place_id=place.id)
    assert found is not None
    assert (found.name, found.kind, found.lat, found.lon, found.notes, found.rating) == (
        "Lake Keepit",
        "free_camp",
        -30.87,
        150.52,
        "Shady",
        4,
    )
    changed = places.update(session, user_id=user.id, place_id=place.id, changes={"rating": None, "notes": ""})
    assert changed is not None and (changed.rating, changed.notes) == (None, "")
    assert places.delete(session, user_id=user.id, place_id=place.id) is True
    assert places.get(session, user_id=user.id, place_id=place.id) is None
    assert places.delete(session, user_id=user.id, place_id=place.id) is False


def test_pages_newest_first_with_kind_filter(session: Session, make_user) -> None:
    user = make_user()
    saved = _save_all(session, user.id)
    rows, total = places.list_page(session, user_id=user.id, limit=4)
    assert total == 6 and len(rows) == 4
    everything = places.list_page(session, user_id=user.id)[0]
    assert {p.id for p in everything} == {p.id for p in saved.values()}
    assert [p.created_at for p in everything] == sorted((p.created_at for p in everything), reverse=True)
    camps, count = places.list_page(session, user_id=user.id, kind="campground")
    assert count == 2 and {p.name for p in camps} == {"Lake Burrendong", "Cairns camp"}
    assert places.count(session, user_id=user.id) == 6
    assert places.count(session, user_id=user.id, kind="fuel") == 1


def test_nearest_first_with_distances(session: Session, make_user) -> None:
    user = make_user()
    _save_all(session, user.id)

    found = places.nearest(session, user_id=user.id, lat=DUBBO[0], lon=DUBBO[1], limit=10)

    names = [p.name for p, _ in found]
    assert names == [
        "Dubbo dump point",
        "Ponto Falls",
        "Lake Burrendong",
        "Orange Caltex",
        "Bourke mechanic",
        "Cairns camp",
    ]
    kms = [km for _, km in found]
    assert kms == sorted(kms)
    for place, km in found:
        assert km == pytest.approx(haversine_km(DUBBO, (place.lat, place.lon)))
    assert kms[0] < 2 and 1700 < kms[-1] < 1800


def test_nearest_pages_and_kinds(session: Session, make_user) -> None:
    user = make_user()
    _save_all(session, user.id)
    near = (DUBBO[0], DUBBO[1])
    page_two = places.nearest(session, user_id=user.id, lat=near[0], lon=near[1], limit=2, offset=2)
    assert [p.name for p, _ in page_two] == ["Lake Burrendong", "Orange Caltex"]
    camps = places.nearest(session, user_id=user.id, lat=near[0], lon=near[1], kind="campground")
    assert [p.name for p, _ in camps] == ["Lake Burrendong", "Cairns camp"]
    assert places.nearest(session, user_id=user.id, lat=0, lon=0, limit=0) == []
    assert places.nearest(session, user_id=user.id, lat=0, lon=0, offset=10) == []


def test_nearest_across_the_antimeridian(session: Session, make_user) -> None:
    user = make_user()
    places.create(session, user_id=user.id, name="Taveuni (west of 180)", lat=-16.8, lon=179.9)
    places.create(session, user_id=user.id, name="Lau group (east of 180)", lat=-17.1, lon=-179.6)
    places.create(session, user_id=user.id, name="Nadi", lat=-17.8, lon=177.4)
    session.commit()
    found = places.nearest(session, user_id=user.id, lat=-17.0, lon=-179.8)
    assert [p.name for p, _ in found] == ["Lau group (east of 180)", "Taveuni (west of 180)", "Nadi"]
