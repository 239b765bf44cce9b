"""Community groups: anyone signed in browses and joins; only the creator edits or deletes a group.

`member_count` changes in the same transaction as the membership row, with `count = count ± 1` in
SQL; the unique (user, group) constraint makes a second join a no-op, so a join counts once.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import exists, func
from sqlalchemy import update as sql_update
from sqlmodel import Session, select

from wheels_wins.models import GroupMembership, SocialGroup, SocialPost
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import get_owned, insert_once, row_values
from wheels_wins.repositories.text_search import contains

MAX_NAME = 80
MIN_NAME = 3
MAX_DESCRIPTION = 500


class GroupRefused(Exception):
    """A group change the rules don't allow; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_name(name: str) -> str:
    """The trimmed name, or GroupRefused when its length is out of bounds."""
    name = " ".join(name.split())
    if not MIN_NAME <= len(name) <= MAX_NAME:
        raise GroupRefused("invalid_name", f"Name: use {MIN_NAME} to {MAX_NAME} characters.")
    return name


def check_description(description: str) -> str:
    """The trimmed description, or GroupRefused when it is too long."""
    description = description.strip()
    if len(description) > MAX_DESCRIPTION:
        raise GroupRefused("invalid_description", f"Description: can be up to {MAX_DESCRIPTION} characters.")
    return description


def _name_taken(session: Session, name: str) -> bool:
    return session.exec(select(SocialGroup.id).where(func.lower(SocialGroup.name) == name.lower())).first() is not None


def create(session: Session, *, user_id: uuid.UUID, name: str, description: str = "") -> SocialGroup:
    """Start a group as user_id, who joins it; GroupRefused on a bad length or a name in use."""
    row_security.as_user(session, user_id)
    name, description = check_name(name), check_description(description)
    taken = GroupRefused("name_taken", f"Name: there's already a group called “{name}”. Pick another name.")
    if _name_taken(session, name):
        raise taken
    group = SocialGroup(user_id=user_id, name=name, description=description)
    if not insert_once(session, group):  # someone took the name a moment ago
        raise taken
    join(session, user_id=user_id, group_id=group.id)
    return group


def _joined(user_id: uuid.UUID) -> Any:
    return exists().where(GroupMembership.group_id == SocialGroup.id, GroupMembership.user_id == user_id)


def browse(
    session: Session, *, viewer_id: uuid.UUID, query: str = "", limit: int = 50, offset: int = 0
) -> tuple[list[tuple[SocialGroup, bool]], int]:
    """Groups whose name contains `query` with whether the viewer is a member: theirs first, then the busiest."""
    row_security.as_user(session, viewer_id)
    conditions: list[Any] = []
    if query.strip():
        conditions.append(contains(query, SocialGroup.name))
    total = int(session.exec(select(func.count()).select_from(SocialGroup).where(*conditions)).one())
    joined = _joined(viewer_id).label("joined")
    rows = session.exec(
        select(SocialGroup, joined)
        .where(*conditions)
        .order_by(joined.desc(), SocialGroup.member_count.desc(), func.lower(SocialGroup.name))  # type: ignore[attr-defined]
        .limit(limit)
        .offset(offset)
    ).all()
    return [(group, bool(member)) for group, member in rows], total


def get(session: Session, *, viewer_id: uuid.UUID, group_id: uuid.UUID) -> tuple[SocialGroup, bool] | None:
    """Any group, with whether the viewer is a member."""
    row_security.as_user(session, viewer_id)
    row = session.exec(select(SocialGroup, _joined(viewer_id)).where(SocialGroup.id == group_id)).first()
    return (row[0], bool(row[1])) if row else None


def is_member(session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID) -> bool:
    """Whether the user belongs to the group."""
    row_security.as_user(session, user_id)
    found = session.exec(
        select(GroupMembership.id).where(GroupMembership.user_id == user_id, GroupMembership.group_id == group_id)
    )
    return found.first() is not None


def update_description(
    session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID, description: str
) -> SocialGroup | None:
    """Change the description of a group the user created (None for anyone else's)."""
    row_security.as_user(session, user_id)
    description = check_description(description)
    group = get_owned(session, SocialGroup, user_id=user_id, record_id=group_id)
    if group is None:
        return None
    group.description = description
    session.add(group)
    session.flush()
    return group


def _bump(session: Session, group_ids: Any, delta: int) -> None:
    session.flush()
    with row_security.system(session):  # a member joining or leaving counts on the creator's group
        session.exec(  # type: ignore[call-overload]
            sql_update(SocialGroup)
            .where(SocialGroup.id.in_(group_ids))  # type: ignore[attr-defined]
            .values(member_count=SocialGroup.member_count + delta)
            .execution_options(synchronize_session=False)
        )


def join(session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID) -> SocialGroup | None:
    """Join a group (joining twice changes nothing); None when there is no such group."""
    row_security.as_user(session, user_id)
    group = session.get(SocialGroup, group_id)
    if group is None:
        return None
    if insert_once(session, GroupMembership(user_id=user_id, group_id=group_id)):
        _bump(session, [group_id], 1)
    session.refresh(group)
    return group


def leave(session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID) -> SocialGroup | None:
    """Leave a group (nothing changes when not a member); a leaving creator hands it to the longest-standing member.

    GroupRefused when the creator is its only member: they delete it instead."""
    row_security.as_user(session, user_id)
    group = session.get(SocialGroup, group_id)
    if group is None:
        return None
    if group.user_id == user_id:
        if not hand_over(session, user_id=user_id, group_ids=[group_id]):
            raise GroupRefused("only_member", "You're its only member: delete the group instead.")
    removed = session.exec(  # type: ignore[call-overload]
        sql_delete(GroupMembership).where(GroupMembership.user_id == user_id, GroupMembership.group_id == group_id)
    )
    if removed.rowcount:
        _bump(session, [group_id], -1)
    session.refresh(group)
    return group


def hand_over(session: Session, *, user_id: uuid.UUID, group_ids: list[uuid.UUID] | None = None) -> set[uuid.UUID]:
    """Make the longest-standing other member the creator of the user's groups (all, or these); the ids handed over."""
    row_security.as_user(session, user_id)
    query = select(SocialGroup).where(SocialGroup.user_id == user_id)
    if group_ids is not None:
        query = query.where(SocialGroup.id.in_(group_ids))  # type: ignore[attr-defined]
    handed: set[uuid.UUID] = set()
    for group in session.exec(query).all():
        heir = session.exec(
            select(GroupMembership.user_id)
            .where(GroupMembership.group_id == group.id, GroupMembership.user_id != user_id)
            .order_by(GroupMembership.created_at, GroupMembership.id)
        ).first()
        if heir is not None:
            group.user_id = heir
            session.add(group)
            handed.add(group.id)
    with row_security.system(session):  # the group becomes the heir's
        session.flush()
    return handed


def leave_all(session: Session, *, user_id: uuid.UUID) -> int:
    """Leave every group the user joined, counting them off each (for closing an account); how many."""
    row_security.as_user(session, user_id)
    joined = select(GroupMembership.group_id).where(GroupMembership.user_id == user_id)
    _bump(session, joined, -1)
    removed = session.exec(sql_delete(GroupMembership).where(GroupMembership.user_id == user_id))  # type: ignore[call-overload]
    session.flush()
    return int(removed.rowcount or 0)


def _take(session: Session, model: type[Any], condition: Any) -> list[dict[str, Any]]:
    """The matching rows' values, the rows let go of (the database cascade removes them)."""
    rows = session.exec(select(model).where(condition)).all()
    for row in rows:
        session.expunge(row)
    return [row_values(row) for row in rows]


def delete(session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID) -> dict[str, Any] | None:
    """Delete a group the user created, with its posts; what `restore` needs, or None for anyone else's.

    GroupRefused while anyone else belongs to it (they'd lose their group)."""
    row_security.as_user(session, user_id)
    group = get_owned(session, SocialGroup, user_id=user_id, record_id=group_id)
    if group is None:
        return None
    others = select(GroupMembership.id).where(GroupMembership.group_id == group_id, GroupMembership.user_id != user_id)
    if session.exec(others).first() is not None:
        raise GroupRefused("group_has_members", "Only a group with no other members can be deleted.")
    in_group = select(SocialPost.id).where(SocialPost.group_id == group_id)
    kept: dict[str, Any] = {"group": row_values(group)}
    with row_security.system(session):  # the group's posts carry other people's comments, likes and reports
        for model in post_repo.POST_CHILDREN:
            kept[model.__tablename__] = _take(session, model, model.post_id.in_(in_group))
        kept["posts"] = _take(session, SocialPost, SocialPost.group_id == group_id)
        kept["memberships"] = _take(session, GroupMembership, GroupMembership.group_id == group_id)
    session.delete(group)  # its memberships and posts (with their comments, likes, reports) go by ON DELETE CASCADE
    session.flush()
    return kept


def restore(session: Session, *, user_id: uuid.UUID, kept: dict[str, Any]) -> SocialGroup | None:
    """Put back a group `delete` removed (by its creator only); GroupRefused when its name was taken meanwhile."""
    row_security.as_user(session, user_id)
    if kept.get("group", {}).get("user_id") != user_id:
        return None
    group = SocialGroup(**kept["group"])
    if _name_taken(session, group.name) or not insert_once(session, group):
        raise GroupRefused("name_taken", f"Another group is called “{group.name}” now, so it can't come back.")
    with row_security.system(session):  # other people's comments, likes and reports come back too
        session.add_all(GroupMembership(**values) for values in kept["memberships"])
        session.add_all(SocialPost(**values) for values in kept["posts"])
        session.flush()
        for model in post_repo.POST_CHILDREN:
            session.add_all(model(**values) for values in kept[model.__tablename__])
        session.flush()
    return group


def post(
    session: Session, *, user_id: uuid.UUID, group_id: uuid.UUID, content: str, photo_path: str | None = None
) -> SocialPost | None:
    """Post into a group the user belongs to; None for no such group, GroupRefused for a non-member."""
    row_security.as_user(session, user_id)
    if session.get(SocialGroup, group_id) is None:
        return None
    if not is_member(session, user_id=user_id, group_id=group_id):
        raise GroupRefused("not_a_member", "Join the group to post in it.")
    return post_repo.create(session, user_id=user_id, content=content, group_id=group_id, photo_path=photo_path)


def photo_paths(kept: dict[str, Any]) -> set[str]:
    """The photo files of the posts in a deleted group's snapshot."""
    return {values["photo_path"] for values in kept.get("posts", []) if values.get("photo_path")}
