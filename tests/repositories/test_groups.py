"""Groups: exact member counts, creator-only changes, group posts kept out of the community feed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import Session, select

from wheels_wins.models import GroupMembership, PostComment, SocialGroup, SocialPost, User
from wheels_wins.repositories import comments as comment_repo
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import posts as post_repo


def _count(session: Session, group: SocialGroup) -> int:
    session.expire_all()
    return session.get(SocialGroup, group.id).member_count


def test_creator_joins_and_a_second_join_counts_once(session: Session, make_user: Callable[..., User]) -> None:
    alice, bob = make_user(), make_user()
    group = group_repo.create(session, user_id=alice.id, name="  Solar &  12V power ", description=" Panels ")
    session.commit()
    assert group.name == "Solar & 12V power" and group.description == "Panels" and _count(session, group) == 1

    group_repo.join(session, user_id=bob.id, group_id=group.id)
    group_repo.join(session, user_id=bob.id, group_id=group.id)
    session.commit()
    assert _count(session, group) == 2
    assert len(session.exec(select(GroupMembership).where(GroupMembership.user_id == bob.id)).all()) == 1

    group_repo.leave(session, user_id=bob.id, group_id=group.id)
    group_repo.leave(session, user_id=bob.id, group_id=group.id)
    session.commit()
    assert _count(session, group) == 1 and not group_repo.is_member(session, user_id=bob.id, group_id=group.id)


def test_names_are_unique_whatever_the_case_and_lengths_are_checked(
    session: Session, make_user: Callable[..., User]
) -> None:
    alice, bob = make_user(), make_user()
    group_repo.create(session, user_id=alice.id, name="Pet-friendly camping")
    session.commit()
    for name, code in [("pet-friendly CAMPING", "name_taken"), ("ab", "invalid_name"), ("x" * 81, "invalid_name")]:
        with pytest.raises(group_repo.GroupRefused) as refused:
            group_repo.create(session, user_id=bob.id, name=name)
        assert refused.value.code == code
    with pytest.raises(group_repo.GroupRefused, match="Description"):
        group_repo.create(session, user_id=bob.id, name="Fine name", description="x" * 501)
    session.rollback()
    assert len(session.exec(select(SocialGroup)).all()) == 1


def test_browse_search_and_your_groups_first(session: Session, make_user: Callable[..., User]) -> None:
    alice, bob, carol = make_user(), make_user(), make_user()
    busy = group_repo.create(session, user_id=alice.id, name="Budget travel tips")
    group_repo.join(session, user_id=carol.id, group_id=busy.id)
    quiet = group_repo.create(session, user_id=alice.id, name="Grey nomads 50%_off")
    mine = group_repo.create(session, user_id=bob.id, name="Zebra crossings")
    session.commit()

    rows, total = group_repo.browse(session, viewer_id=bob.id)
    assert total == 3 and [(g.id, joined) for g, joined in rows] == [
        (mine.id, True),
        (busy.id, False),
        (quiet.id, False),
    ]
    rows, total = group_repo.browse(session, viewer_id=bob.id, query="TRAVEL")
    assert total == 1 and rows[0][0].id == busy.id
    assert group_repo.browse(session, viewer_id=bob.id, query="%")[1] == 1  # only the name with a literal %
    assert group_repo.browse(session, viewer_id=bob.id, query="nothing like it")[1] == 0


def test_only_the_creator_edits_or_deletes_and_only_alone(session: Session, make_user: Callable[..., User]) -> None:
    alice, bob = make_user(), make_user()
    group = group_repo.create(session, user_id=alice.id, name="Grey nomads — Queensland")
    session.commit()
    assert group_repo.update_description(session, user_id=bob.id, group_id=group.id, description="Hijacked") is None
    assert group_repo.delete(session, user_id=bob.id, group_id=group.id) is None
    edited = group_repo.update_description(session, user_id=alice.id, group_id=group.id, description="Sunshine")
    assert edited is not None and edited.description == "Sunshine"

    group_repo.join(session, user_id=bob.id, group_id=group.id)
    with pytest.raises(group_repo.GroupRefused) as refused:
        group_repo.delete(session, user_id=alice.id, group_id=group.id)
    assert refused.value.code == "group_has_members"
    group_repo.leave(session, user_id=bob.id, group_id=group.id)
    session.commit()
    assert group_repo.delete(session, user_id=alice.id, group_id=group.id) is not None
    session.commit()
    assert session.exec(select(SocialGroup)).all() == []


def test_delete_and_restore_bring_back_posts_and_comments(session: Session, make_user: Callable[..., User]) -> None:
    alice = make_user()
    group = group_repo.create(session, user_id=alice.id, name="Budget travel tips")
    post = group_repo.post(session, user_id=alice.id, group_id=group.id, content="Free camps list")
    comment_repo.create(session, user_id=alice.id, post_id=post.id, content="Updated weekly")
    session.commit()
    kept = group_repo.delete(session, user_id=alice.id, group_id=group.id)
    session.commit()
    assert session.exec(select(SocialPost)).all() == [] and session.exec(select(PostComment)).all() == []

    assert group_repo.restore(session, user_id=make_user().id, kept=kept) is None
    restored = group_repo.restore(session, user_id=alice.id, kept=kept)
    session.commit()
    assert restored is not None and _count(session, group) == 1
    assert group_repo.is_member(session, user_id=alice.id, group_id=group.id)
    assert session.get(SocialPost, post.id).comment_count == 1 and len(session.exec(select(PostComment)).all()) == 1


def test_a_leaving_creator_hands_over_and_cannot_leave_alone(session: Session, make_user: Callable[..., User]) -> None:
    alice, bob, carol = make_user(), make_user(), make_user()
    group = group_repo.create(session, user_id=alice.id, name="Solar & 12V power")
    session.commit()
    with pytest.raises(group_repo.GroupRefused) as refused:
        group_repo.leave(session, user_id=alice.id, group_id=group.id)
    assert refused.value.code == "only_member"
    group_repo.join(session, user_id=bob.id, group_id=group.id)
    session.commit()
    group_repo.join(session, user_id=carol.id, group_id=group.id)
    group_repo.leave(session, user_id=alice.id, group_id=group.id)
    session.commit()
    session.expire_all()
    group = session.get(SocialGroup, group.id)
    assert group.user_id == bob.id and group.member_count == 2


def test_group_posts_stay_out_of_the_community_feed_and_need_membership(
    session: Session, make_user: Callable[..., User]
) -> None:
    alice, bob = make_user(), make_user()
    group = group_repo.create(session, user_id=alice.id, name="Pet-friendly camping")
    inside = group_repo.post(session, user_id=alice.id, group_id=group.id, content="Dogs welcome at Lake Keepit")
    outside = post_repo.create(session, user_id=alice.id, content="Hello everyone")
    session.commit()

    community, total = post_repo.feed(session, viewer_id=bob.id)
    assert total == 1 and [p.id for p, _ in community] == [outside.id]
    in_group, total = post_repo.feed(session, viewer_id=bob.id, group_id=group.id)
    assert total == 1 and [p.id for p, _ in in_group] == [inside.id]  # non-members read a group's posts
    with pytest.raises(group_repo.GroupRefused) as refused:
        group_repo.post(session, user_id=bob.id, group_id=group.id, content="Let me in")
    assert refused.value.code == "not_a_member"
    assert group_repo.post(session, user_id=bob.id, group_id=alice.id, content="No such group") is None


def test_demo_groups_are_seeded_once(session: Session, make_user: Callable[..., User]) -> None:
    from wheels_wins.services.demo_social import seed_demo_groups

    demo = make_user(full_name="Jo Nomad")
    made = seed_demo_groups(session, user=demo)
    session.commit()
    assert len(made) == 4 and seed_demo_groups(session, user=demo) == []
    rows, _ = group_repo.browse(session, viewer_id=demo.id)
    assert [joined for _, joined in rows].count(True) == 2 and rows[0][1] and rows[1][1]
    for group, _ in rows:
        members = session.exec(select(GroupMembership).where(GroupMembership.group_id == group.id)).all()
        assert group.member_count == len(members) >= 2
    assert post_repo.feed(session, viewer_id=demo.id)[1] == 0  # all in groups
    assert len(session.exec(select(SocialPost).where(SocialPost.user_id == demo.id)).all()) == 2
