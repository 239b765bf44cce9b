"""The bell and the notifications page, driven as Reflex would: every handler checks the user; the count follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from tests.state.test_undoable import _said, _substate, _tab, run
from wheels_wins.models import Notification, User
from wheels_wins.pages.notifications import PAGE_SIZE, NotificationsPageState
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.state.notifications import NotificationsState


def _seed(session: Session, user: User, count: int, kind: str = "post_like") -> list[Notification]:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(hours=count)
    rows = []
    for number in range(count):
        row = notification_repo.notify_once(
            session, user_id=user.id, kind=kind, title=f"Note {number:02d}", link="/social"
        )
        row.created_at = start + dt.timedelta(hours=number)
        rows.append(row)
    session.commit()
    return rows


async def test_signed_out_handlers_do_nothing(session: Session, make_user: Callable[..., User]) -> None:
    owner = make_user()
    [note] = _seed(session, owner, 1)
    tab = _tab()
    page, bell = _substate(tab, NotificationsPageState), _substate(tab, NotificationsState)
    await run(NotificationsPageState.load, page)
    assert not page.loaded and page.items == []
    await run(NotificationsPageState.open_item, page, str(note.id), "/social")
    await run(NotificationsPageState.toggle_read, page, str(note.id))
    await run(NotificationsPageState.mark_all_read, page)
    assert await run(NotificationsPageState.remove, page, str(note.id)) == []
    page.confirm_id = str(note.id)
    await run(NotificationsPageState.delete, page)
    await run(NotificationsState.refresh_count, bell)
    await run(NotificationsState.open_item, bell, str(note.id), "/social")
    await run(NotificationsState.mark_all_read, bell)
    assert bell.unread == 0
    session.expire_all()
    row = session.get(Notification, note.id)
    assert row is not None and row.read_at is None


async def test_the_page_lists_newest_first_and_pages_on(session: Session, sign_in) -> None:
    user, tab = sign_in()
    other, _ = sign_in()
    _seed(session, user, PAGE_SIZE + 5)
    _seed(session, other, 3, kind="budget")
    page = _substate(tab, NotificationsPageState)
    await run(NotificationsPageState.load, page)
    assert page.loaded and page.has_more and len(page.items) == PAGE_SIZE
    assert page.items[0].title == f"Note {PAGE_SIZE + 4:02d}" and page.items[0].kind == "post_like"
    assert page.items[0].when == "1 h ago" and page.items[0].unread
    await run(NotificationsPageState.load_more, page)
    assert len(page.items) == PAGE_SIZE + 5 and not page.has_more
    assert [i.title for i in page.items][-1] == "Note 00"
    assert len({i.id for i in page.items}) == PAGE_SIZE + 5  # other users' never appear, none twice


async def test_read_unread_filter_and_the_bell_stay_in_step(session: Session, sign_in) -> None:
    user, tab = sign_in()
    first, second, third = _seed(session, user, 3)
    page, bell = _substate(tab, NotificationsPageState), _substate(tab, NotificationsState)
    await run(NotificationsPageState.load, page)
    await run(NotificationsState.refresh_count, bell)
    assert bell.unread == 3

    said = await run(NotificationsPageState.open_item, page, str(third.id), "/social")
    assert NotificationsState.refresh_count in said and "/social" in _said(said)
    assert not next(i for i in page.items if i.id == str(third.id)).unread
    await run(NotificationsState.refresh_count, bell)
    assert bell.unread == 2

    await run(NotificationsPageState.toggle_read, page, str(third.id))  # back to unread
    await run(NotificationsPageState.reload, page)
    await run(NotificationsState.refresh_count, bell)
    assert bell.unread == 3 and all(i.unread for i in page.items)

    await run(NotificationsPageState.toggle_read, page, str(first.id))
    await run(NotificationsPageState.set_filter, page, "unread")
    assert [i.id for i in page.items] == [str(third.id), str(second.id)]

    said = await run(NotificationsPageState.mark_all_read, page)
    assert "Marked 2 read" in _said(said)
    await run(NotificationsPageState.reload, page)
    await run(NotificationsState.refresh_count, bell)
    assert page.items == [] and bell.unread == 0
    await run(NotificationsPageState.set_filter, page, "all")
    assert len(page.items) == 3 and not any(i.unread for i in page.items)
    await run(NotificationsPageState.set_filter, page, "everything")
    assert page.view_filter == "all"


async def test_delete_with_undo_and_others_untouched(session: Session, sign_in) -> None:
    user, tab = sign_in()
    other, other_tab = sign_in()
    [mine] = _seed(session, user, 1)
    [theirs] = _seed(session, other, 1)
    page = _substate(tab, NotificationsPageState)
    await run(NotificationsPageState.load, page)

    assert await run(NotificationsPageState.remove, page, str(mine.id)) == [NotificationsPageState.delete]
    said = await run(NotificationsPageState.delete, page)
    assert "Notification deleted" in _said(said) and "Undo" in _said(said)
    await run(NotificationsPageState.reload, page)
    assert page.items == []
    said = await run(NotificationsPageState.undo_delete, page)
    assert "Notification restored" in _said(said)
    await run(NotificationsPageState.reload, page)
    assert [i.id for i in page.items] == [str(mine.id)]

    # Someone else's id is refused like a missing one.
    await run(NotificationsPageState.remove, page, str(theirs.id))
    said = await run(NotificationsPageState.delete, page)
    assert "already gone" in _said(said)
    await run(NotificationsPageState.toggle_read, page, str(theirs.id))
    session.expire_all()
    kept = session.get(Notification, theirs.id)
    assert kept is not None and kept.read_at is None
    assert len(session.exec(select(Notification)).all()) == 2


async def test_the_bell_dates_older_notices_in_the_users_own_time_zone(session: Session, sign_in) -> None:
    from wheels_wins.components.format import day_label

    user, tab = sign_in()
    user.timezone = "Pacific/Auckland"
    session.add(user)
    [row] = _seed(session, user, 1)
    # 11:30 UTC three days ago is already the next day in Auckland (UTC+12/+13).
    moment = (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).replace(hour=11, minute=30, second=0, microsecond=0)
    row.created_at = moment
    session.add(row)
    session.commit()
    bell = _substate(tab, NotificationsState)
    await run(NotificationsState.load, bell)
    zone = ZoneInfo("Pacific/Auckland")
    assert [item.when for item in bell.items] == [
        day_label(moment.astimezone(zone).date(), dt.datetime.now(zone).date())
    ]
    assert moment.astimezone(zone).date() != moment.date()
