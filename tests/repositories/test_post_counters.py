"""A post's counters move in SQL without making the post look edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlmodel import Session

from wheels_wins.models import SocialPost, User
from wheels_wins.repositories import comments as comment_repo
from wheels_wins.repositories import post_reactions
from wheels_wins.repositories import posts as post_repo


def test_likes_comments_and_reports_count_but_are_not_edits(session: Session, make_user: Callable[..., User]) -> None:
    author, reader = make_user(), make_user()
    post = post_repo.create(session, user_id=author.id, content="Dump point at Hay is closed for repairs")
    written = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    post.created_at = post.updated_at = written
    session.commit()

    post_reactions.like(session, user_id=reader.id, post_id=post.id)
    comment = comment_repo.create(session, user_id=reader.id, post_id=post.id, content="Try the one at Balranald")
    post_reactions.report(session, user_id=make_user().id, post_id=post.id, reason="test")
    session.commit()
    session.expire_all()
    counted = session.get(SocialPost, post.id)
    assert (counted.like_count, counted.comment_count, counted.report_count) == (1, 1, 1)
    assert counted.updated_at == written

    post_reactions.unlike(session, user_id=reader.id, post_id=post.id)
    comment_repo.delete(session, user_id=reader.id, comment_id=comment.id)
    session.commit()
    session.expire_all()
    counted = session.get(SocialPost, post.id)
    assert (counted.like_count, counted.comment_count, counted.updated_at) == (0, 0, written)

    post_repo.update(session, user_id=author.id, post_id=post.id, changes={"content": "Hay dump point is open again"})
    session.commit()
    session.expire_all()
    assert session.get(SocialPost, post.id).updated_at > written  # a real edit still shows


def test_a_widely_reported_post_is_hidden_from_everyone_but_its_author(
    session: Session, make_user: Callable[..., User]
) -> None:
    author, reader = make_user(), make_user()
    post = post_repo.create(session, user_id=author.id, content="Cheap diesel, DM me")
    reporters = [make_user() for _ in range(post_repo.HIDE_AT_REPORTS)]
    for reporter in reporters[:-1]:
        post_reactions.report(session, user_id=reporter.id, post_id=post.id)
    session.commit()
    assert post_repo.get_visible(session, viewer_id=reader.id, post_id=post.id) is not None
    post_reactions.report(session, user_id=reporters[-1].id, post_id=post.id)
    session.commit()
    assert post_repo.get_visible(session, viewer_id=reader.id, post_id=post.id) is None
    assert [p.id for p, _ in post_repo.feed(session, viewer_id=reader.id, limit=10)[0]] == []
    assert post_repo.get_visible(session, viewer_id=author.id, post_id=post.id) is not None
    assert [p.id for p, _ in post_repo.feed(session, viewer_id=author.id, limit=10)[0]] == [post.id]
