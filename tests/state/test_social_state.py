"""The Social page's states, driven as Reflex would: every handler checks the user; photos go through the cleaner."""

from __future__ import annotations

import dataclasses
import io
import uuid

import reflex as rx
from PIL import Image
from sqlmodel import Session, select

from tests.state.test_undoable import _said, _substate, _tab, run
from wheels_wins.models import PostComment, PostLike, SocialPost, User
from wheels_wins.pages.social.comments import CommentsState
from wheels_wins.pages.social.composer import ComposerState
from wheels_wins.pages.social.editing import PostEditState
from wheels_wins.pages.social.feed import FeedState, PostView
from wheels_wins.repositories import comments as comment_repo
from wheels_wins.repositories import post_reactions
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SnoopCam"
    exif[0x8825] = {1: "S", 2: (33.0, 51.0, 35.0), 3: "E", 4: (151.0, 12.0, 40.0)}
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


async def test_signed_out_handlers_do_nothing(session: Session, make_user) -> None:
    owner = make_user()
    post = post_repo.create(session, user_id=owner.id, content="Mine")
    session.commit()
    tab = _tab()
    feed, composer = _substate(tab, FeedState), _substate(tab, ComposerState)
    await run(FeedState.load, feed)
    assert not feed.loaded and feed.posts == []
    await run(FeedState.toggle_like, feed, str(post.id))
    await run(FeedState.ask_report, feed, str(post.id))
    assert not feed.report_open
    composer.draft = "Sneaky"
    said = _said(await run(ComposerState.publish, composer))
    assert "Sign in again" in composer.draft_error and "Posted" not in said
    await run(ComposerState.attach, composer, [rx.UploadFile(file=io.BytesIO(_gps_jpeg()))])
    assert composer._photo_path == "" and composer.preview == ""
    comments = _substate(tab, CommentsState)
    await run(CommentsState.toggle, comments, str(post.id))
    comments.open_id, comments.draft = str(post.id), "Sneaky"
    await run(CommentsState.add, comments)
    editor = _substate(tab, PostEditState)
    await run(PostEditState.start_edit, editor, str(post.id))
    assert editor.editing_id == ""
    session.expire_all()
    assert session.get(SocialPost, post.id).like_count == 0
    assert session.exec(select(SocialPost)).all() == [session.get(SocialPost, post.id)]
    assert session.exec(select(PostComment)).all() == []


async def test_a_photo_is_cleaned_on_upload_and_published_with_the_post(session: Session, sign_in) -> None:
    user, tab = sign_in("Alice Nomad")
    composer = _substate(tab, ComposerState)
    await run(ComposerState.attach, composer, [rx.UploadFile(file=io.BytesIO(_gps_jpeg()))])
    assert composer.photo_error == "" and composer.preview.startswith("data:image/jpeg;base64,")
    stored = photos.resolve(composer._photo_path)
    assert stored is not None and stored.parent.name == str(user.id) and b"SnoopCam" not in stored.read_bytes()

    await run(ComposerState.attach, composer, [rx.UploadFile(file=io.BytesIO(b"<html><script>x</script>"))])
    assert (
        composer.photo_error == "Photo: must be a JPEG, PNG or WebP image"
        and photos.resolve(composer._photo_path) == stored
    )

    composer.draft = "  Blue sky at Mungo  "
    said = _said(await run(ComposerState.publish, composer))
    assert "Posted to the community." in said and composer.draft == "" and composer._photo_path == ""
    session.expire_all()
    post = session.exec(select(SocialPost).where(SocialPost.user_id == user.id)).one()
    assert post.content == "Blue sky at Mungo" and photos.resolve(post.photo_path) == stored


async def test_feed_likes_and_reports_through_the_states(session: Session, sign_in) -> None:
    alice, _ = sign_in("Alice Nomad")
    bob, tab = sign_in("Bob Grey")
    post_repo.create(session, user_id=alice.id, content="<b>not bold</b>")
    session.commit()
    feed = _substate(tab, FeedState)
    await run(FeedState.load, feed)
    assert [p.content for p in feed.posts] == ["<b>not bold</b>"]
    view = feed.posts[0]
    assert view.author == "Alice Nomad" and not view.mine
    assert str(alice.id) not in str(dataclasses.asdict(view)) and alice.email not in str(dataclasses.asdict(view))
    assert {field.name for field in dataclasses.fields(PostView)} >= {"id", "author", "content", "liked"}

    await run(FeedState.toggle_like, feed, view.id)
    assert feed.posts[0].liked and feed.posts[0].likes == 1
    await run(FeedState.toggle_like, feed, view.id)
    assert not feed.posts[0].liked and feed.posts[0].likes == 0

    await run(FeedState.ask_report, feed, view.id)
    assert feed.report_open
    said = _said(await run(FeedState.report, feed))
    assert "hidden for you" in said and feed.posts == []
    await run(FeedState.load, feed)
    assert feed.posts == []


async def test_comments_only_own_are_changed(session: Session, sign_in) -> None:
    alice, alice_tab = sign_in("Alice Nomad")
    _, bob_tab = sign_in("Bob Grey")
    post = post_repo.create(session, user_id=alice.id, content="Camp tips?")
    theirs = comment_repo.create(session, user_id=alice.id, post_id=post.id, content="Alice's note")
    session.commit()
    bob = _substate(bob_tab, CommentsState)
    await run(CommentsState.toggle, bob, str(post.id))
    assert [c.content for c in bob.comments] == ["Alice's note"] and not bob.comments[0].mine
    bob.draft = "Try Lake Hume"
    await run(CommentsState.add, bob)
    assert [c.content for c in bob.comments] == ["Alice's note", "Try Lake Hume"] and bob.comments[1].mine
    bob.editing_id, bob.edit_text = str(theirs.id), "Hijacked"
    await run(CommentsState.save_edit, bob)
    await run(CommentsState.delete, bob, str(theirs.id))
    assert [c.content for c in bob.comments] == ["Alice's note", "Try Lake Hume"]
    await run(CommentsState.start_edit, bob, bob.comments[1].id, "Try Lake Hume")
    bob.edit_text = "Try Lake Hume, east side"
    await run(CommentsState.save_edit, bob)
    assert bob.comments[1].content == "Try Lake Hume, east side"
    await run(CommentsState.delete, bob, bob.comments[1].id)
    assert [c.content for c in bob.comments] == ["Alice's note"]
    session.expire_all()
    assert session.get(SocialPost, post.id).comment_count == 1
    assert _substate(alice_tab, CommentsState).open_id == ""


async def test_deleting_a_post_can_be_undone_with_its_comments_likes_and_photo(session: Session, sign_in) -> None:
    alice, tab = sign_in("Alice Nomad")
    bob, _ = sign_in("Bob Grey")
    stored = photos.store(photos.clean(_gps_jpeg()), user_id=alice.id)
    post = post_repo.create(session, user_id=alice.id, content="Sunset", photo_path=stored)
    comment_repo.create(session, user_id=bob.id, post_id=post.id, content="Lovely")
    post_reactions.like(session, user_id=bob.id, post_id=post.id)
    session.commit()
    post_id = post.id
    editor = _substate(tab, PostEditState)

    await run(PostEditState.ask_delete, editor, str(post_id), "Sunset")
    assert editor.confirm_open and editor.confirm_label == "Sunset"
    said = _said(await run(PostEditState.delete, editor))
    assert "Post deleted." in said and "Undo" in said
    session.expire_all()
    assert session.get(SocialPost, post_id) is None and session.exec(select(PostLike)).all() == []
    assert photos.resolve(stored) is not None  # kept until Undo is no longer possible

    assert "Post restored." in _said(await run(PostEditState.undo_delete, editor))
    session.expire_all()
    back = session.get(SocialPost, post_id)
    assert (back.content, back.photo_path, back.like_count, back.comment_count) == ("Sunset", stored, 1, 1)
    assert [c.content for c in session.exec(select(PostComment)).all()] == ["Lovely"]
    assert [like.user_id for like in session.exec(select(PostLike)).all()] == [bob.id]


async def test_someone_elses_post_cannot_be_edited_or_deleted(session: Session, sign_in) -> None:
    alice, _ = sign_in("Alice Nomad")
    _, tab = sign_in("Bob Grey")
    post = post_repo.create(session, user_id=alice.id, content="Original")
    session.commit()
    post_id = post.id
    editor = _substate(tab, PostEditState)
    await run(PostEditState.start_edit, editor, str(post_id))
    assert editor.editing_id == ""
    editor.editing_id, editor.edit_text = str(post_id), "Hacked"
    said = _said(await run(PostEditState.save_edit, editor))
    assert "no longer there" in said
    await run(PostEditState.ask_delete, editor, str(post_id), "Original")
    said = _said(await run(PostEditState.delete, editor))
    assert "already deleted" in said
    session.expire_all()
    assert session.get(SocialPost, post_id).content == "Original"


def test_post_cards_carry_the_authors_profile_photo_or_none() -> None:
    from wheels_wins.pages.social.feed import post_view

    viewer = User(email="viewer@example.com", full_name="Vi Ewer")
    photo_id = uuid.uuid4()
    author = User(email="jo@example.com", full_name="Jo Nomad", avatar_path=f"avatars/{photo_id}.jpg")
    post = SocialPost(user_id=author.id, content="Frost on the awning this morning")
    view = post_view(post, author, viewer=viewer, liked=False)
    assert view.author_photo.startswith(f"/api/v1/avatars/{photo_id}?expires=")
    assert (view.initials, view.mine) == ("JN", False)
    plain = User(email="sam@example.com", full_name="Sam")
    assert post_view(post, plain, viewer=viewer, liked=False).author_photo == ""


def test_the_author_is_told_when_reports_hide_their_post() -> None:
    from wheels_wins.pages.social.feed import post_view
    from wheels_wins.repositories.posts import HIDE_AT_REPORTS

    author, reader = User(email="a@example.com", full_name="Al"), User(email="r@example.com", full_name="Ro")
    post = SocialPost(user_id=author.id, content="Cheap diesel, DM me", report_count=HIDE_AT_REPORTS)
    assert post_view(post, author, viewer=author, liked=False).held
    assert not post_view(post, author, viewer=reader, liked=False).held
    post.report_count = HIDE_AT_REPORTS - 1
    assert not post_view(post, author, viewer=author, liked=False).held
