"""The data export: every owned table as JSON and CSV, the profile, nobody else's rows and no secrets."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable

from sqlmodel import Session, SQLModel

from tests.services.account_rows import fill_account
from wheels_wins.db import session_scope
from wheels_wins.models import USER_OWNED_TABLES, User
from wheels_wins.services import data_export

FOLDER = data_export.FOLDER
FAKE_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQ$not-a-real-hash-but-secret"


def _open(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_every_table_holding_user_rows_is_an_owned_table() -> None:
    with_user_id = {table.name for table in SQLModel.metadata.tables.values() if "user_id" in table.c}
    assert with_user_id == {model.__tablename__ for model in USER_OWNED_TABLES}  # type: ignore[attr-defined]


def test_zip_holds_json_and_csv_per_owned_table_and_the_profile(
    session: Session, make_user: Callable[..., User]
) -> None:
    alice = make_user(full_name="Alice Nomad", password_hash=FAKE_HASH)
    bob = make_user(full_name="Bob Grey", password_hash=FAKE_HASH + "-bob")
    secrets = fill_account(session, alice, tag="alice")
    bob_secrets = fill_account(session, bob, tag="bob")
    session.commit()

    with session_scope() as app_session:  # as the app connects: on PostgreSQL, held by Row Level Security
        files = _open(data_export.build_zip(app_session, user_id=alice.id))

    tables = [model.__tablename__ for model in USER_OWNED_TABLES]  # type: ignore[attr-defined]
    expected = {f"{FOLDER}/{name}.{ext}" for name in [*tables, "profile"] for ext in ("json", "csv")}
    assert set(files) == expected | {f"{FOLDER}/manifest.json"}
    for name in tables:
        rows = json.loads(files[f"{FOLDER}/{name}.json"])
        assert len(rows) == 1, name
        assert rows[0]["user_id"] == str(alice.id), name
        parsed = list(csv.DictReader(io.StringIO(files[f"{FOLDER}/{name}.csv"])))
        assert len(parsed) == 1 and list(parsed[0]) == list(rows[0]), name

    everything = "\n".join(files.values())
    for secret in (FAKE_HASH, secrets["session_hash"], secrets["pat_hash"]):
        assert secret not in everything
    assert "password_hash" not in everything and "token_hash" not in everything
    assert "bob" not in everything.lower() and str(bob.id) not in everything
    assert bob_secrets["session_hash"] not in everything

    profile = json.loads(files[f"{FOLDER}/profile.json"])
    assert len(profile) == 1
    assert profile[0]["email"] == alice.email and profile[0]["full_name"] == "Alice Nomad"
    assert "password_hash" not in profile[0]

    manifest = json.loads(files[f"{FOLDER}/manifest.json"])
    assert manifest["user_id"] == str(alice.id)
    assert {name: entry["rows"] for name, entry in manifest["files"].items()} == {
        name: 1 for name in [*tables, "profile"]
    }


def test_money_and_other_decimals_are_exact_strings(session: Session, make_user: Callable[..., User]) -> None:
    alice = make_user()
    fill_account(session, alice, tag="alice")
    files = _open(data_export.build_zip(session, user_id=alice.id))

    expense = json.loads(files[f"{FOLDER}/expenses.json"])[0]
    assert expense["amount"] == "12.50" and expense["date"] == "2026-03-01" and expense["category"] == "dining"
    fuel = json.loads(files[f"{FOLDER}/fuel_entries.json"])[0]
    assert (fuel["litres"], fuel["total_cost"], fuel["price_per_litre"]) == ("40.00", "80.00", "2.000")
    assert next(csv.DictReader(io.StringIO(files[f"{FOLDER}/expenses.csv"])))["amount"] == "12.50"
    event = json.loads(files[f"{FOLDER}/calendar_events.json"])[0]
    assert event["start"].endswith("+00:00")
    draft = json.loads(files[f"{FOLDER}/import_drafts.json"])[0]
    assert draft["content"] == "date,amount\n2026-03-01,12.50\n"


def test_a_new_account_exports_empty_tables(session: Session, make_user: Callable[..., User]) -> None:
    alice = make_user()
    files = _open(data_export.build_zip(session, user_id=alice.id))
    assert json.loads(files[f"{FOLDER}/expenses.json"]) == []
    assert files[f"{FOLDER}/expenses.csv"].splitlines()[0].startswith("id,created_at,updated_at,user_id")
    assert len(json.loads(files[f"{FOLDER}/profile.json"])) == 1


def test_filename_is_dated() -> None:
    import datetime as dt

    assert data_export.filename(dt.date(2026, 3, 1)) == "wheels-wins-export-2026-03-01.zip"


def test_the_users_photos_come_along_and_nobody_elses(session: Session, make_user: Callable[..., User]) -> None:
    from PIL import Image

    from wheels_wins.repositories import posts as post_repo
    from wheels_wins.services import avatars, photos

    def jpeg(colour: tuple[int, int, int]) -> photos.CleanPhoto:
        out = io.BytesIO()
        Image.new("RGB", (64, 48), colour).save(out, format="PNG")
        return photos.clean(out.getvalue())

    me, other = make_user(), make_user()
    mine = photos.store(jpeg((200, 30, 30)), user_id=me.id)
    theirs = photos.store(jpeg((30, 30, 200)), user_id=other.id)
    me.avatar_path = avatars.store(avatars.prepare(jpeg((30, 200, 30)).data))
    post_repo.create(session, user_id=me.id, content="Sunset at Lake Mungo", photo_path=mine)
    post_repo.create(session, user_id=other.id, content="Mine too", photo_path=theirs)
    post_repo.create(session, user_id=me.id, content="A photo since deleted", photo_path=f"{me.id}/gone.jpg")
    session.add(me)
    session.commit()

    with zipfile.ZipFile(io.BytesIO(data_export.build_zip(session, user_id=me.id))) as archive:
        names = set(archive.namelist())
        assert archive.read(f"{FOLDER}/photos/{mine}") == photos.resolve(mine).read_bytes()
        assert archive.read(f"{FOLDER}/photos/{me.avatar_path}") == photos.resolve(me.avatar_path).read_bytes()
        manifest = json.loads(archive.read(f"{FOLDER}/manifest.json"))
    assert f"{FOLDER}/photos/{theirs}" not in names
    assert manifest["photos"] == 2  # the missing file is skipped, not an error
