"""Place suggestions: saved places first and only the user's own, namesakes labelled apart, prefixes, online first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from tests.stubs.geo_services import NominatimStub, nominatim_place
from tests.stubs.server import free_port, serve
from wheels_wins.repositories import places as place_repo
from wheels_wins.services import place_suggest
from wheels_wins.settings import Settings

OFFLINE = Settings(geocoder_url=None)
PARKLANDS = nominatim_place("BIG4 Dubbo Parklands", -32.2436, 148.6190, state="New South Wales")


@pytest.fixture
def nominatim() -> NominatimStub:
    return NominatimStub({"big4 dubbo": [PARKLANDS]})


@pytest.fixture
def online(nominatim: NominatimStub) -> Iterator[Settings]:
    with serve(nominatim.app) as url:
        yield Settings(geocoder_url=url, geocoder_timeout_seconds=2)


async def test_an_ambiguous_name_gives_each_namesake_with_its_state(session: Session, make_user) -> None:
    user = make_user()
    found = await place_suggest.suggest("Richmond", user_id=user.id, settings=OFFLINE)
    labels = [s.label for s in found]
    assert labels[:2] == ["Richmond, Victoria, Australia", "Richmond, New South Wales, Australia"]
    assert {"Richmond, Tasmania, Australia", "Richmond, Queensland, Australia"} <= set(labels)
    assert len(set(labels)) == len(labels) == 8
    assert all(s.name == "Richmond" and s.source == "gazetteer" for s in found[:5])
    assert found[0].detail == "Victoria, Australia"
    assert found[0].lat == pytest.approx(-37.82, abs=0.05) and found[0].lon == pytest.approx(145.0, abs=0.05)


async def test_a_state_qualifier_narrows_namesakes(session: Session, make_user) -> None:
    user = make_user()
    found = await place_suggest.suggest("Richmond, TAS", user_id=user.id, settings=OFFLINE)
    assert found[0].label == "Richmond, Tasmania, Australia"
    assert all(s.name == "Richmond" and "Tas" in s.label for s in found)


async def test_a_prefix_suggests_places_starting_with_it(session: Session, make_user) -> None:
    user = make_user()
    found = await place_suggest.suggest("Ballar", user_id=user.id, settings=OFFLINE)
    assert found[0].label == "Ballarat, Victoria, Australia"
    assert all(s.name.casefold().startswith("ballar") for s in found)
    short = await place_suggest.suggest("ca", user_id=user.id, limit=3, settings=OFFLINE)
    assert len(short) == 3 and all(s.name.casefold().startswith("ca") for s in short)


async def test_unknown_or_blank_text_gives_nothing(session: Session, make_user) -> None:
    user = make_user()
    assert await place_suggest.suggest("Qzxwville Nowhere", user_id=user.id, settings=OFFLINE) == []
    assert await place_suggest.suggest("  ,. ", user_id=user.id, settings=OFFLINE) == []
    assert await place_suggest.suggest("Sydney", user_id=user.id, limit=0, settings=OFFLINE) == []
    assert (await place_suggest.resolve("Qzxwville Nowhere", user_id=user.id, settings=OFFLINE)).place is None


async def test_saved_places_come_first_and_only_the_users_own(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    place_repo.create(session, user_id=me.id, name="Bago Bluff free camp", kind="free_camp", lat=-31.5, lon=152.6)
    place_repo.create(session, user_id=me.id, name="Old Ballarat camp", kind="campground", lat=-37.6, lon=143.8)
    place_repo.create(session, user_id=other.id, name="Ballarat secret spot", kind="free_camp", lat=-37.5, lon=143.9)
    place_repo.create(session, user_id=other.id, name="Bago other", kind="other", lat=-31.0, lon=152.0)
    session.commit()

    mine = await place_suggest.suggest("Ballar", user_id=me.id, settings=OFFLINE)
    assert (mine[0].label, mine[0].source, mine[0].detail) == ("Old Ballarat camp", "saved", "Saved campground")
    assert mine[1].label == "Ballarat, Victoria, Australia"
    assert "Ballarat secret spot" not in [s.label for s in mine]

    theirs = await place_suggest.suggest("bago", user_id=other.id, settings=OFFLINE)
    assert [s.label for s in theirs if s.source == "saved"] == ["Bago other"]
    stranger = make_user()
    assert all(
        s.source != "saved" for s in await place_suggest.suggest("Ballar", user_id=stranger.id, settings=OFFLINE)
    )


async def test_a_saved_place_hides_the_same_town_from_the_gazetteer(session: Session, make_user) -> None:
    user = make_user()
    place_repo.create(session, user_id=user.id, name="Dubbo", kind="other", lat=-32.25, lon=148.60)
    session.commit()
    found = await place_suggest.suggest("Dubbo", user_id=user.id, settings=OFFLINE)
    assert [(s.name, s.source) for s in found if s.name == "Dubbo"] == [("Dubbo", "saved")]
    best = (await place_suggest.resolve("dubbo", user_id=user.id, settings=OFFLINE)).place
    assert best is not None and best.source == "saved"


async def test_online_results_come_before_gazetteer_prefixes(
    session: Session, make_user, nominatim: NominatimStub, online: Settings
) -> None:
    user = make_user()
    found = await place_suggest.suggest("BIG4 Dubbo", user_id=user.id, settings=online)
    assert (found[0].label, found[0].source) == ("BIG4 Dubbo Parklands, New South Wales, Australia", "online")
    assert len(nominatim.requests) == 1

    await place_suggest.suggest("Ba", user_id=user.id, settings=online)  # too short to ask online
    await place_suggest.suggest("Ballarat", user_id=user.id, settings=online, online=False)
    assert len(nominatim.requests) == 1


async def test_an_unreachable_geocoder_falls_back_to_the_gazetteer(session: Session, make_user) -> None:
    user = make_user()
    down = Settings(geocoder_url=f"http://127.0.0.1:{free_port()}", geocoder_timeout_seconds=1)
    found = await place_suggest.suggest("Tamworth", user_id=user.id, settings=down)
    assert found[0].label == "Tamworth, New South Wales, Australia" and found[0].source == "gazetteer"


async def test_resolve_takes_the_most_populous_namesake_and_does_not_complete(session: Session, make_user) -> None:
    user = make_user()
    best = await place_suggest.resolve("Richmond", user_id=user.id, settings=OFFLINE)
    assert best.place is not None and best.place.label == "Richmond, Victoria, Australia"
    assert best.namesakes == 5  # Richmonds in Australia: VIC, NSW, SA, TAS, QLD
    sydney = await place_suggest.resolve("Sydney", user_id=user.id, settings=OFFLINE)
    assert sydney.place is not None and sydney.namesakes == 1  # Nova Scotia's is no rival
    assert (await place_suggest.resolve("Ballara", user_id=user.id, settings=OFFLINE)).place is None


async def test_a_pasted_list_resolves_each_name_in_order(session: Session, make_user) -> None:
    user = make_user()
    found = await place_suggest.resolve_all(
        "Sydney, Canberra -> Melbourne; Qzxwville", user_id=user.id, settings=OFFLINE
    )
    assert [r.text for r in found] == ["Sydney", "Canberra", "Melbourne", "Qzxwville"]
    assert [r.place.label if r.place else None for r in found] == [
        "Sydney, New South Wales, Australia",
        "Canberra, Australian Capital Territory, Australia",
        "Melbourne, Victoria, Australia",
        None,
    ]


async def test_a_place_with_its_state_stays_one_place(session: Session, make_user) -> None:
    user = make_user()
    for text, label in [
        ("Richmond, NSW", "Richmond, New South Wales, Australia"),
        ("Perth, Western Australia, Australia", "Perth, Western Australia, Australia"),
    ]:
        (only,) = await place_suggest.resolve_all(text, user_id=user.id, settings=OFFLINE)
        assert only.place is not None and only.place.label == label
    two = await place_suggest.resolve_all("Melbourne, Geelong", user_id=user.id, settings=OFFLINE)
    assert [r.place.name for r in two if r.place] == ["Melbourne", "Geelong"]


def test_split_names() -> None:
    assert place_suggest.split_names(" Sydney,,Canberra\nthen Melbourne → Albury ") == [
        "Sydney",
        "Canberra",
        "Melbourne",
        "Albury",
    ]
    assert place_suggest.split_names(" , ") == []
