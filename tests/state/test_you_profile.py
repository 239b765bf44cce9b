"""The You page: the profile form saves the home base and a few words to the user's own row; the vehicle card."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from tests.state.test_places_state import _substate, run
from wheels_wins.models import User, Vehicle
from wheels_wins.pages.you import MAX_BIO_LENGTH, YouState
from wheels_wins.pages.you_vehicle import YouVehicleState, vehicle_lines
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import vehicles as vehicles_repo
from wheels_wins.services.auth import hash_token
from wheels_wins.state.auth import AuthState


def _tab(session: Session, user: User) -> YouState:
    token = uuid.uuid4().hex
    sessions_repo.create(
        session, user_id=user.id, token_hash=hash_token(token), expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    )
    session.commit()
    root = rx.State(_reflex_internal_init=True)
    _substate(root, AuthState).token = token
    return _substate(root, YouState)


async def test_home_base_and_bio_are_saved_and_read_back(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(full_name="Jo Nomad"), make_user(full_name="Sam")
    you = _tab(session, user)
    await run(YouState.load, you)
    assert (you.home_base, you.bio) == ("", "")
    await run(YouState.set_home_base, you, "  Bendigo, VIC ")
    await run(YouState.set_bio, you, "Full-timer with a kelpie. " * 40)
    assert len(you.bio) == MAX_BIO_LENGTH  # typing stops at the limit
    await run(YouState.save, you)

    session.expire_all()
    saved, untouched = session.get(User, user.id), session.get(User, other.id)
    assert saved.home_base == "Bendigo, VIC" and saved.bio.startswith("Full-timer with a kelpie.")
    assert len(saved.bio) <= MAX_BIO_LENGTH
    assert (untouched.home_base, untouched.bio) == ("", "")

    again = _tab(session, saved)
    await run(YouState.load, again)
    assert again.home_base == "Bendigo, VIC"


def test_the_vehicle_summary_in_each_unit_system() -> None:
    rig = Vehicle(
        user_id=uuid.uuid4(), name="The Tortoise", make="Toyota", model="LandCruiser 79", year=2019,
        fuel_type="diesel", tank_litres=180.0, consumption_l_per_100km=15.5,
    )
    assert vehicle_lines(rig, "metric") == ("2019 Toyota LandCruiser 79", "Diesel · 180 L tank · 15.5 L/100 km expected")
    assert vehicle_lines(rig, "imperial") == ("2019 Toyota LandCruiser 79", "Diesel · 47.55 gal tank · 15.2 mpg expected")
    bare = Vehicle(user_id=uuid.uuid4(), name="Van", fuel_type="lpg", consumption_l_per_100km=12.0)
    assert vehicle_lines(bare, "metric") == ("", "LPG · 12.0 L/100 km expected")


async def test_the_you_page_shows_only_the_users_own_vehicle(session: Session, make_user: Callable[..., User]) -> None:
    owner, other = make_user(), make_user()
    vehicles_repo.create(session, user_id=other.id, name="Someone else's bus")
    session.commit()
    root = _tab(session, owner).parent_state
    card = _substate(root, YouVehicleState)
    await run(YouVehicleState.load, card)
    assert card.loaded and card.name == ""  # an invitation to add one, not the other user's bus

    vehicles_repo.create(session, user_id=owner.id, name="The Tortoise", consumption_l_per_100km=15.5)
    session.commit()
    await run(YouVehicleState.load, card)
    assert card.name == "The Tortoise" and card.details == "Diesel · 15.5 L/100 km expected"
