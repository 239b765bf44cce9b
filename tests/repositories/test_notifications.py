"""Notifications: the recipient's choices decide in notify_once; pages, read/unread, delete and restore are user-scoped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from wheels_wins.models import MaintenanceSchedule, Notification, User
from wheels_wins.repositories import budgets, comments, expenses, maintenance_schedules, post_reactions, posts
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.repositories import users as users_repo
from wheels_wins.services.maintenance_alerts import notify_due
from wheels_wins.services.money import today_in


def _notes(session: Session, user: User) -> list[Notification]:
    session.expire_all()
    shown = select(Notification).where(Notification.user_id == user.id, Notification.dismissed_at.is_(None))
    return list(session.exec(shown).all())


@pytest.mark.parametrize("likes_on", [True, False])
def test_a_like_notifies_the_author_only_when_they_want_likes(
    session: Session, make_user: Callable[..., User], likes_on: bool
) -> None:
    author, fan = make_user(full_name="Alice", notify_likes=likes_on), make_user(full_name="Bob")
    post = posts.create(session, user_id=author.id, content="Sunset at Mungo")
    session.commit()
    post_reactions.like(session, user_id=fan.id, post_id=post.id)
    session.commit()
    assert [n.kind for n in _notes(session, author)] == (["post_like"] if likes_on else [])
    assert session.get(type(post), post.id).like_count == 1  # the like itself counts either way


def test_comments_switched_off_create_no_row_but_other_kinds_still_arrive(
    session: Session, make_user: Callable[..., User]
) -> None:
    author, fan = make_user(notify_comments=False), make_user(full_name="Bob")
    post = posts.create(session, user_id=author.id, content="Anyone at Mungo?")
    session.commit()
    assert comments.create(session, user_id=fan.id, post_id=post.id, content="Me!") is not None
    post_reactions.like(session, user_id=fan.id, post_id=post.id)
    session.commit()
    assert [n.kind for n in _notes(session, author)] == ["post_like"]


def test_unknown_kinds_are_always_on(session: Session, make_user: Callable[..., User]) -> None:
    user = make_user(notify_budget=False, notify_maintenance=False, notify_comments=False, notify_likes=False)
    note = notification_repo.notify_once(session, user_id=user.id, kind="listing_interest", title="Someone asked")
    assert note is not None
    assert notification_repo.notify_once(session, user_id=user.id, kind="budget", title="Over budget") is None


@pytest.mark.parametrize("budget_on", [True, False])
def test_budget_alerts_follow_the_choice(session: Session, make_user: Callable[..., User], budget_on: bool) -> None:
    user = make_user(notify_budget=budget_on)
    budgets.upsert(session, user_id=user.id, category="fuel", amount=Decimal("100.00"))
    session.commit()
    expenses.create(session, user_id=user.id, amount=Decimal("120.00"), category="fuel", date=today_in(user.timezone))
    session.commit()
    kinds = [n.kind for n in _notes(session, user)]
    assert (len(kinds) > 0 and set(kinds) == {"budget"}) if budget_on else kinds == []


@pytest.mark.parametrize("maintenance_on", [True, False])
def test_maintenance_alerts_follow_the_choice(
    session: Session, make_user: Callable[..., User], maintenance_on: bool
) -> None:
    user = make_user(notify_maintenance=maintenance_on)
    maintenance_schedules.create(
        session, user_id=user.id, task="Oil change", every_months=6, start_date=dt.date(2026, 1, 1)
    )
    session.commit()
    created = notify_due(session, user=user, today=dt.date(2026, 6, 25))
    session.commit()
    assert created == (1 if maintenance_on else 0)
    assert [n.kind for n in _notes(session, user)] == (["maintenance"] if maintenance_on else [])
    assert session.exec(select(MaintenanceSchedule)).first() is not None


def test_choices_are_saved_by_name_and_unknown_names_refused(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(), make_user()
    users_repo.set_notification_choices(session, user_id=user.id, likes=False, budget=None)
    session.commit()
    session.expire_all()
    assert users_repo.notification_choices(session.get(User, user.id)) == {
        "budget": True,
        "maintenance": True,
        "comments": True,
        "likes": False,
    }
    assert users_repo.notification_choices(session.get(User, other.id))["likes"] is True
    with pytest.raises(ValueError, match="unknown"):
        users_repo.set_notification_choices(session, user_id=user.id, notify_likes=False)


def _seed(session: Session, user: User, count: int) -> list[Notification]:
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rows = []
    for number in range(count):
        row = notification_repo.notify_once(session, user_id=user.id, kind="budget", title=f"Note {number:02d}")
        row.created_at = start + dt.timedelta(minutes=number // 2)  # pairs share a moment: the id breaks the tie
        session.add(row)
        rows.append(row)
    session.commit()
    return rows


def test_keyset_pages_walk_every_notification_once_newest_first(
    session: Session, make_user: Callable[..., User]
) -> None:
    user, other = make_user(), make_user()
    _seed(session, user, 7)
    _seed(session, other, 3)
    seen: list[Notification] = []
    before = None
    while True:
        page = notification_repo.page(session, user_id=user.id, before=before, limit=3)
        if not page:
            break
        seen += page
        before = (page[-1].created_at, page[-1].id)
    assert len(seen) == 7 and len({n.id for n in seen}) == 7
    assert all(n.user_id == user.id for n in seen)
    keys = [(n.created_at, str(n.id)) for n in seen]
    assert keys == sorted(keys, reverse=True)
    assert notification_repo.count(session, user_id=user.id) == 7


def test_read_unread_and_unread_only_pages(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(), make_user()
    first, second, third = _seed(session, user, 3)
    assert notification_repo.mark_read(session, user_id=user.id, notification_id=first.id)
    assert notification_repo.count_unread(session, user_id=user.id) == 2
    assert [n.id for n in notification_repo.page(session, user_id=user.id, unread_only=True)] == [third.id, second.id]
    assert notification_repo.mark_unread(session, user_id=user.id, notification_id=first.id)
    assert notification_repo.count_unread(session, user_id=user.id) == 3
    assert notification_repo.mark_all_read(session, user_id=user.id) == 3
    assert notification_repo.count(session, user_id=user.id, unread_only=True) == 0
    # Another user's id is the same as a missing one.
    assert not notification_repo.mark_unread(session, user_id=other.id, notification_id=first.id)
    assert notification_repo.set_read(session, user_id=other.id, notification_id=first.id, read=True) is None
    assert notification_repo.delete(session, user_id=other.id, notification_id=first.id) is None
    assert notification_repo.get(session, user_id=user.id, notification_id=first.id) is not None


def test_delete_and_restore_bring_back_the_same_notification(session: Session, make_user: Callable[..., User]) -> None:
    user = make_user()
    note = notification_repo.notify_once(
        session, user_id=user.id, kind="post_like", title="Bob liked your post", link="/social", dedupe_key="like:1"
    )
    notification_repo.mark_read(session, user_id=user.id, notification_id=note.id)
    session.commit()
    kept = notification_repo.delete(session, user_id=user.id, notification_id=note.id)
    session.commit()
    assert kept is not None and _notes(session, user) == []
    back = notification_repo.restore(session, user_id=user.id, kept=kept)
    session.commit()
    [again] = _notes(session, user)
    assert (again.id, again.title, again.link, again.dedupe_key) == (
        note.id,
        "Bob liked your post",
        "/social",
        "like:1",
    )
    assert again.read_at is not None and back is not None
    assert notification_repo.restore(session, user_id=user.id, kept=kept) is None  # it is back already


def test_a_deleted_notification_is_not_sent_again(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(), make_user()
    note = notification_repo.notify_once(session, user_id=user.id, kind="budget", title="Fuel at 80%", dedupe_key="b:1")
    kept = notification_repo.delete(session, user_id=user.id, notification_id=note.id)
    session.commit()
    # An hourly sweep raising the same alert again finds its key: the user does not get it back.
    assert (
        notification_repo.notify_once(session, user_id=user.id, kind="budget", title="Fuel at 80%", dedupe_key="b:1")
        is None
    )
    assert _notes(session, user) == []
    assert (
        notification_repo.count(session, user_id=user.id)
        == notification_repo.count_unread(session, user_id=user.id)
        == 0
    )
    assert notification_repo.get(session, user_id=user.id, notification_id=note.id) is None
    assert notification_repo.mark_all_read(session, user_id=user.id) == 0
    assert notification_repo.restore(session, user_id=other.id, kept=kept) is None  # not theirs to bring back
