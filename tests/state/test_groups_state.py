"""The Groups tab's states, driven as Reflex would: signed-out calls do nothing; members post, others join first."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx
from reflex.istate.data import ReflexURL
from sqlmodel import Session, select

from tests.state.test_undoable import _said, _substate, _tab, run
from wheels_wins.models import GroupMembership, SocialGroup, SocialPost
from wheels_wins.pages.social.composer import ComposerState, GroupComposerState
from wheels_wins.pages.social.feed import FeedState, GroupFeedState
from wheels_wins.pages.social.groups import GroupsState
from wheels_wins.pages.social.groups_form import GroupDeleteState, GroupFormState
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import posts as post_repo


def _with_url(root: rx.State, url: str) -> None:
    root.router = dataclasses.replace(root.router, url=ReflexURL(url))


async def test_signed_out_handlers_do_nothing(session: Session, make_user) -> None:
    owner = make_user()
    group = group_repo.create(session, user_id=owner.id, name="Solar & 12V power")
    session.commit()
    tab = _tab()
    groups, form = _substate(tab, GroupsState), _substate(tab, GroupFormState)
    await run(GroupsState.load, groups)
    assert not groups.loaded and groups.groups == []
    await run(GroupsState.join, groups, str(group.id))
    await run(GroupsState.open_group, groups, str(group.id))
    assert groups.current.id == ""
    await run(GroupFormState.start_create, form)
    assert not form.open
    await run(GroupFormState.save, form, {"name": "Sneaky group", "description": ""})
    assert "Sign in again" in form.form_error
    composer = _substate(tab, GroupComposerState)
    _substate(tab, GroupFeedState)._group_id = str(group.id)
    composer.draft = "Sneaky post"
    await run(GroupComposerState.publish, composer)
    deleter = _substate(tab, GroupDeleteState)
    deleter.confirm_id = str(group.id)
    await run(GroupDeleteState.delete, deleter)
    session.expire_all()
    assert [g.name for g in session.exec(select(SocialGroup))] == ["Solar & 12V power"]
    assert session.get(SocialGroup, group.id).member_count == 1
    assert session.exec(select(SocialPost)).all() == []


async def test_create_browse_join_leave_and_post(session: Session, sign_in) -> None:
    alice, alice_tab = sign_in("Alice Nomad")
    bob, bob_tab = sign_in("Bob Grey")
    form = _substate(alice_tab, GroupFormState)
    await run(GroupFormState.start_create, form)
    said = _said(await run(GroupFormState.save, form, {"name": "ab", "description": "Too short a name"}))
    assert form.form_error.startswith("Name:") and form.description == "Too short a name" and form.open
    said = _said(await run(GroupFormState.save, form, {"name": "Pet-friendly camping", "description": "Dogs too"}))
    assert not form.open and "is ready" in said
    alice_groups = _substate(alice_tab, GroupsState)
    assert [(g.name, g.joined, g.mine, g.members) for g in alice_groups.groups] == [
        ("Pet-friendly camping", True, True, 1)
    ]
    group_id = alice_groups.groups[0].id
    await run(GroupsState.open_group, alice_groups, group_id)
    alice_composer = _substate(alice_tab, GroupComposerState)
    alice_composer.draft = "Lake Keepit takes dogs"
    said = _said(await run(GroupComposerState.publish, alice_composer))
    assert "Posted to the group." in said and alice_composer.draft == ""

    await run(GroupFormState.start_create, form)
    await run(GroupFormState.save, form, {"name": "PET-FRIENDLY camping", "description": ""})
    assert "already a group" in form.form_error and form.name == "PET-FRIENDLY camping"

    bob_groups = _substate(bob_tab, GroupsState)
    _with_url(bob_tab, f"http://localhost:3000/social?tab=groups&group={group_id}")
    events = await run(GroupsState.load, bob_groups)
    assert bob_groups.current.id == group_id and not bob_groups.current.joined
    assert bob_groups.current.members_label == "1 member" and GroupFeedState.load in events
    assert str(alice.id) not in str(dataclasses.asdict(bob_groups.current))
    bob_feed = _substate(bob_tab, GroupFeedState)
    await run(GroupFeedState.load, bob_feed)
    assert [p.content for p in bob_feed.posts] == ["Lake Keepit takes dogs"]

    bob_composer = _substate(bob_tab, GroupComposerState)
    bob_composer.draft = "Can I post?"
    await run(GroupComposerState.publish, bob_composer)
    assert bob_composer.draft_error == "Join the group to post in it." and bob_composer.draft == "Can I post?"

    await run(GroupsState.join, bob_groups, group_id)
    await run(GroupsState.join, bob_groups, group_id)
    assert bob_groups.current.joined and bob_groups.current.members == 2
    await run(GroupComposerState.publish, bob_composer)
    assert bob_composer.draft == ""
    community = _substate(bob_tab, FeedState)
    await run(FeedState.load, community)
    assert community.posts == []  # group posts stay in their group

    await run(GroupsState.leave, bob_groups, group_id)
    assert not bob_groups.current.joined and bob_groups.current.members == 1
    session.expire_all()
    assert len(session.exec(select(GroupMembership)).all()) == 1
    assert len(session.exec(select(SocialPost).where(SocialPost.user_id == bob.id)).all()) == 1


async def test_only_the_creator_edits_and_deletes_with_undo(session: Session, sign_in) -> None:
    alice, alice_tab = sign_in("Alice Nomad")
    _, bob_tab = sign_in("Bob Grey")
    group = group_repo.create(session, user_id=alice.id, name="Budget travel tips", description="Cheap eats")
    post_repo.create(session, user_id=alice.id, content="Free camps app", group_id=group.id)
    session.commit()

    bob_groups = _substate(bob_tab, GroupsState)
    await run(GroupsState.open_group, bob_groups, str(group.id))
    bob_form = _substate(bob_tab, GroupFormState)
    await run(GroupFormState.start_edit, bob_form)
    assert not bob_form.open
    bob_form.editing = True
    said = _said(await run(GroupFormState.save, bob_form, {"description": "Hijacked"}))
    assert "Only the group's creator" in said
    bob_delete = _substate(bob_tab, GroupDeleteState)
    await run(GroupDeleteState.ask_delete, bob_delete)
    assert not bob_delete.confirm_open
    bob_delete.confirm_id = str(group.id)
    await run(GroupDeleteState.delete, bob_delete)
    session.expire_all()
    assert session.get(SocialGroup, group.id).description == "Cheap eats"

    alice_groups = _substate(alice_tab, GroupsState)
    await run(GroupsState.open_group, alice_groups, str(group.id))
    form = _substate(alice_tab, GroupFormState)
    await run(GroupFormState.start_edit, form)
    assert form.open and form.description == "Cheap eats"
    await run(GroupFormState.save, form, {"description": "Cheap eats and free camps"})
    assert alice_groups.current.description == "Cheap eats and free camps"

    deleter = _substate(alice_tab, GroupDeleteState)
    await run(GroupDeleteState.ask_delete, deleter)
    assert deleter.confirm_open and deleter.confirm_label == "Budget travel tips"
    events: list[Any] = await run(GroupDeleteState.delete, deleter)
    assert "Undo" in _said(events)
    await run(GroupDeleteState.show_result, deleter)
    assert alice_groups.current.id == "" and alice_groups.groups == []
    session.expire_all()
    assert session.exec(select(SocialPost)).all() == []

    await run(GroupDeleteState.undo_delete, deleter)
    await run(GroupDeleteState.show_result, deleter)
    assert [g.name for g in alice_groups.groups] == ["Budget travel tips"]
    session.expire_all()
    assert [p.content for p in session.exec(select(SocialPost))] == ["Free camps app"]


async def test_a_group_with_members_cannot_be_deleted(session: Session, sign_in, make_user) -> None:
    alice, tab = sign_in("Alice Nomad")
    group = group_repo.create(session, user_id=alice.id, name="Grey nomads — Queensland")
    group_repo.join(session, user_id=make_user().id, group_id=group.id)
    session.commit()
    groups = _substate(tab, GroupsState)
    await run(GroupsState.open_group, groups, str(group.id))
    assert groups.current.mine and not groups.current.can_delete
    deleter = _substate(tab, GroupDeleteState)
    await run(GroupDeleteState.ask_delete, deleter)
    assert not deleter.confirm_open
    deleter.confirm_id = str(group.id)
    said = _said(await run(GroupDeleteState.delete, deleter))
    assert "someone has joined" in said
    session.expire_all()
    assert session.get(SocialGroup, group.id) is not None


async def test_community_composer_still_posts_outside_groups(session: Session, sign_in) -> None:
    user, tab = sign_in("Alice Nomad")
    composer = _substate(tab, ComposerState)
    composer.draft = "Hello road"
    said = _said(await run(ComposerState.publish, composer))
    assert "Posted to the community." in said
    session.expire_all()
    post = session.exec(select(SocialPost)).one()
    assert post.group_id is None and post.user_id == user.id
