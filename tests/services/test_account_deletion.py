"""Closing an account removes every row the user owns, in one transaction, and nobody else's."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from tests.services.account_rows import fill_account
from wheels_wins.models import PostComment, SocialPost, User
from wheels_wins.services import account_deletion, passwords
from wheels_wins.services.auth import AuthError

PASSWORD = "long-dusty-roads-42"


def _rows_of(session: Session, user_id: uuid.UUID) -> dict[str, int]:
    counts = {}
    for table in SQLModel.metadata.sorted_tables:
        column = table.c.get("user_id")
        if column is not None:
            counts[table.name] = session.execute(select(func.count()).where(column == user_id)).scalar_one()
    users = User.__table__  # type: ignore[attr-defined]
    counts["users"] = session.execute(select(func.count()).where(users.c.id == user_id)).scalar_one()
    return counts


@pytest.fixture(scope="module")
def password_hash() -> str:
    return passwords.hash_password(PASSWORD)


def test_deleting_removes_every_row_of_the_user_and_leaves_others(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    alice = make_user(password_hash=password_hash)
    bob = make_user(password_hash=password_hash)
    fill_account(session, alice, tag="alice")
    fill_account(session, bob, tag="bob")
    alice_id, bob_id = alice.id, bob.id
    before_alice, before_bob = _rows_of(session, alice_id), _rows_of(session, bob_id)
    assert all(count >= 1 for count in before_alice.values()), before_alice

    deleted = account_deletion.delete_account(session, user=alice, password=PASSWORD)
    session.commit()
    session.expire_all()

    assert _rows_of(session, alice_id) == {name: 0 for name in before_alice}
    assert _rows_of(session, bob_id) == before_bob
    assert deleted["users"] == 1 and deleted["expenses"] == 1


def test_others_rows_on_the_users_content_go_with_it(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    alice = make_user(password_hash=password_hash)
    bob = make_user(password_hash=password_hash)
    post = SocialPost(user_id=alice.id, content="Sunset at the lake")
    session.add(post)
    session.flush()
    session.add(PostComment(user_id=bob.id, post_id=post.id, content="Lovely"))
    own = SocialPost(user_id=bob.id, content="Bob's own post")
    session.add(own)
    session.commit()
    own_id, bob_id = own.id, bob.id

    account_deletion.delete_account(session, user=alice, password=PASSWORD)
    session.commit()
    session.expire_all()

    assert session.get(SocialPost, own_id) is not None
    assert session.execute(select(func.count()).select_from(PostComment)).scalar_one() == 0
    assert session.get(User, bob_id) is not None


def test_a_wrong_password_deletes_nothing(session: Session, make_user: Callable[..., User], password_hash: str) -> None:
    alice = make_user(password_hash=password_hash)
    fill_account(session, alice, tag="alice")
    before = _rows_of(session, alice.id)
    with pytest.raises(AuthError) as refused:
        account_deletion.delete_account(session, user=alice, password="not-my-password")
    assert refused.value.status == 403 and refused.value.code == "wrong_password"
    session.rollback()
    assert _rows_of(session, alice.id) == before


def test_an_account_without_a_password_is_refused(session: Session, make_user: Callable[..., User]) -> None:
    alice = make_user(password_hash=None)
    with pytest.raises(AuthError) as refused:
        account_deletion.delete_account(session, user=alice, password="anything")
    assert refused.value.status == 403
    assert session.get(User, alice.id) is not None


def test_every_table_with_a_user_id_is_covered() -> None:
    names = set(account_deletion.owned_table_names())
    assert {"auth_sessions", "personal_access_tokens", "expenses", "post_comments"} <= names
    assert names == {table.name for table in SQLModel.metadata.tables.values() if "user_id" in table.c}


def test_others_posts_lose_the_users_likes_and_comments_from_their_counts(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    from wheels_wins.models import PostLike

    author, leaver = make_user(password_hash=password_hash), make_user(password_hash=password_hash)
    post = SocialPost(user_id=author.id, content="Sunset at Corowa", like_count=2, comment_count=2)
    session.add(post)
    session.flush()
    session.add_all([
        PostLike(user_id=leaver.id, post_id=post.id), PostLike(user_id=author.id, post_id=post.id),
        PostComment(user_id=leaver.id, post_id=post.id, content="Gorgeous"),
        PostComment(user_id=author.id, post_id=post.id, content="Thanks!"),
    ])
    session.commit()

    account_deletion.delete_account(session, user=leaver, password=PASSWORD)
    session.commit()
    session.refresh(post)
    assert (post.like_count, post.comment_count) == (1, 1)


def test_the_users_photos_go_once_the_deletion_commits(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    from wheels_wins.services import photos

    leaver, stayer = make_user(password_hash=password_hash), make_user(password_hash=password_hash)
    photo = photos.CleanPhoto(b"\xff\xd8\xff\xe0 not really a jpeg", 1, 1)
    mine, theirs = photos.store(photo, user_id=leaver.id), photos.store(photo, user_id=stayer.id)

    account_deletion.delete_account(session, user=leaver, password=PASSWORD)
    assert photos.resolve(mine) is not None and photos.resolve(mine).exists()  # nothing goes before the commit
    session.commit()
    assert not (photos.photo_root() / str(leaver.id)).exists()
    assert photos.resolve(theirs).exists()


def test_a_rolled_back_deletion_keeps_the_photos(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    from wheels_wins.services import photos

    user = make_user(password_hash=password_hash)
    kept = photos.store(photos.CleanPhoto(b"\xff\xd8\xff\xe0", 1, 1), user_id=user.id)
    account_deletion.delete_account(session, user=user, password=PASSWORD)
    session.rollback()
    session.commit()  # a later, unrelated commit must not remove them either
    assert photos.resolve(kept).exists()


def test_groups_pass_to_the_longest_standing_member_and_counts_drop(
    session: Session, make_user: Callable[..., User], password_hash: str
) -> None:
    from wheels_wins.models import SocialGroup
    from wheels_wins.repositories import groups as group_repo

    leaver = make_user(password_hash=password_hash)
    first, second = make_user(), make_user()
    shared = group_repo.create(session, user_id=leaver.id, name="Solar & 12V power")
    group_repo.post(session, user_id=leaver.id, group_id=shared.id, content="My inverter setup")
    session.commit()
    group_repo.join(session, user_id=first.id, group_id=shared.id)
    session.commit()
    group_repo.join(session, user_id=second.id, group_id=shared.id)
    kept = group_repo.post(session, user_id=second.id, group_id=shared.id, content="Lithium or AGM?")
    alone = group_repo.create(session, user_id=leaver.id, name="Leaver's own corner")
    joined = group_repo.create(session, user_id=first.id, name="Budget travel tips")
    group_repo.join(session, user_id=leaver.id, group_id=joined.id)
    session.commit()
    alone_id = alone.id
    assert session.get(SocialGroup, joined.id).member_count == 2

    account_deletion.delete_account(session, user=leaver, password=PASSWORD)
    session.commit()
    session.expire_all()

    handed = session.get(SocialGroup, shared.id)
    assert handed is not None and handed.user_id == first.id and handed.member_count == 2
    assert [p.id for p in session.exec(select(SocialPost).where(SocialPost.group_id == shared.id)).scalars()] == [kept.id]
    assert session.get(SocialGroup, alone_id) is None
    assert session.get(SocialGroup, joined.id).member_count == 1
