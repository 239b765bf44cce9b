"""The You page: the profile form saves the home base and a few words to the user's own row; the vehicle card."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable

import reflex as rx
from PIL import Image
from sqlmodel import Session

from tests.state.test_places_state import _substate, run
from wheels_wins.models import User, Vehicle
from wheels_wins.pages.you import MAX_BIO_LENGTH, YouState
from wheels_wins.pages.you_notification_choices import YouNotifyState
from wheels_wins.pages.you_photo import YouPhotoState
from wheels_wins.pages.you_vehicle import YouVehicleState, vehicle_lines
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import vehicles as vehicles_repo
from wheels_wins.services import avatars, photos
from wheels_wins.services.auth import hash_token
from wheels_wins.state.auth import AuthState


def _tab(session: Session, user: User) -> YouState:
    token = uuid.uuid4().hex
    sessions_repo.create(
        session,
        user_id=user.id,
        token_hash=hash_token(token),
        expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
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
        user_id=uuid.uuid4(),
        name="The Tortoise",
        make="Toyota",
        model="LandCruiser 79",
        year=2019,
        fuel_type="diesel",
        tank_litres=180.0,
        consumption_l_per_100km=15.5,
    )
    assert vehicle_lines(rig, "metric") == (
        "2019 Toyota LandCruiser 79",
        "Diesel · 180 L tank · 15.5 L/100 km expected",
    )
    assert vehicle_lines(rig, "imperial") == (
        "2019 Toyota LandCruiser 79",
        "Diesel · 47.55 gal tank · 15.2 mpg expected",
    )
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


def _png(width: int = 800, height: int = 500) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 110, 160)).save(out, format="PNG")
    return out.getvalue()


async def test_profile_photo_set_replaced_and_removed(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(full_name="Jo Nomad"), make_user()
    root = _tab(session, user).parent_state
    photo, auth = _substate(root, YouPhotoState), _substate(root, AuthState)

    said = await run(YouPhotoState.upload, photo, [rx.UploadFile(file=io.BytesIO(_png()))])
    assert "Profile photo saved" in " ".join(map(str, said))
    session.expire_all()
    first = session.get(User, user.id).avatar_path
    assert first and first.startswith("avatars/") and photos.resolve(first) is not None
    assert auth.avatar_url == avatars.avatar_url(first) != ""  # the nav and the You page show it at once
    with Image.open(photos.resolve(first)) as stored:
        assert stored.size == (500, 500)

    await run(YouPhotoState.upload, photo, [rx.UploadFile(file=io.BytesIO(_png(300, 900)))])
    session.expire_all()
    second = session.get(User, user.id).avatar_path
    assert second != first and photos.resolve(first) is None and photos.resolve(second) is not None

    await run(YouPhotoState.upload, photo, [rx.UploadFile(file=io.BytesIO(b"GIF89a not a photo"))])
    assert "JPEG, PNG or WebP" in photo.error and not photo.busy
    session.expire_all()
    assert session.get(User, user.id).avatar_path == second  # a refused file changes nothing

    await run(YouPhotoState.remove, photo)
    session.expire_all()
    assert session.get(User, user.id).avatar_path is None and photos.resolve(second) is None
    assert auth.avatar_url == "" and session.get(User, other.id).avatar_path is None


async def test_notification_choices_save_at_once(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(), make_user()
    root = _tab(session, user).parent_state
    choices = _substate(root, YouNotifyState)
    await run(YouNotifyState.load, choices)
    assert choices.loaded and (choices.budget, choices.maintenance, choices.comments, choices.likes) == (True,) * 4
    said = await run(YouNotifyState.set_choice, choices, "likes", False)
    assert "Likes on my posts: off" in " ".join(map(str, said)) and choices.likes is False
    await run(YouNotifyState.set_choice, choices, "notify_budget", False)  # not a choice: ignored
    session.expire_all()
    saved = session.get(User, user.id)
    assert (saved.notify_likes, saved.notify_budget, session.get(User, other.id).notify_likes) == (False, True, True)


async def test_signed_out_photo_and_choice_calls_do_nothing(session: Session, make_user: Callable[..., User]) -> None:
    user = make_user(notify_likes=True)
    folder = photos.photo_root() / avatars.AVATAR_DIR
    stored_before = set(folder.glob("*")) if folder.exists() else set()
    root = rx.State(_reflex_internal_init=True)
    photo, choices = _substate(root, YouPhotoState), _substate(root, YouNotifyState)
    assert await run(YouPhotoState.upload, photo, [rx.UploadFile(file=io.BytesIO(_png()))]) == []
    await run(YouPhotoState.remove, photo)
    await run(YouPhotoState.rejected, photo, [{}])
    assert photo.error == "" and not photo.busy
    await run(YouNotifyState.load, choices)
    assert not choices.loaded
    await run(YouNotifyState.set_choice, choices, "likes", False)
    session.expire_all()
    assert session.get(User, user.id).notify_likes is True
    assert (set(folder.glob("*")) if folder.exists() else set()) == stored_before  # nothing was written
