"""The Groups tab: search, your groups first, cards with Join/Leave; an open group with its posts and composer."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, loading_block
from wheels_wins.components.dialogs import confirm_delete_dialog, form_dialog
from wheels_wins.components.forms import field
from wheels_wins.pages.social.composer import GroupComposerState
from wheels_wins.pages.social.composer_view import composer
from wheels_wins.pages.social.feed import GroupFeedState
from wheels_wins.pages.social.feed_view import feed
from wheels_wins.pages.social.groups import GroupsState, GroupView
from wheels_wins.pages.social.groups_form import GroupDeleteState, GroupFormState
from wheels_wins.repositories.groups import MAX_DESCRIPTION, MAX_NAME

MUTED = rx.color("gray", 11)


def _members(group: GroupView) -> rx.Component:
    return rx.hstack(
        rx.icon("users", size=14, color=MUTED),
        rx.text(group.members_label, size="2", color=MUTED, class_name="member-count"),
        spacing="1",
        align="center",
    )


def _membership_button(group: GroupView, size: str = "2") -> rx.Component:
    return rx.cond(
        group.can_delete,
        rx.fragment(),  # its only member, the creator, can't leave: they delete it from the group's menu
        rx.cond(group.joined, _leave_button(group, size), _join_button(group, size)),
    )


def _leave_button(group: GroupView, size: str) -> rx.Component:
    return rx.button(
        "Leave",
        variant="soft",
        color_scheme="gray",
        size=size,
        loading=GroupsState.busy_id == group.id,
        on_click=GroupsState.leave(group.id),
        aria_label="Leave " + group.name,
    )


def _join_button(group: GroupView, size: str) -> rx.Component:
    return rx.button(
        rx.icon("user-plus", size=14),
        "Join",
        size=size,
        loading=GroupsState.busy_id == group.id,
        on_click=GroupsState.join(group.id),
        aria_label="Join " + group.name,
    )


def group_card(group: GroupView) -> rx.Component:
    """One group in the list."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.link(
                    rx.text(group.name, size="3", weight="bold", overflow_wrap="anywhere"),
                    on_click=GroupsState.open_group(group.id),
                    color=rx.color("gray", 12),
                    cursor="pointer",
                    underline="hover",
                ),
                rx.spacer(),
                rx.cond(
                    group.joined, rx.badge(rx.icon("check", size=12), "Joined", color_scheme="teal", radius="full")
                ),
                spacing="2",
                align="start",
                width="100%",
            ),
            rx.cond(
                group.description != "",
                rx.text(
                    group.description,
                    size="2",
                    color=MUTED,
                    overflow="hidden",
                    style={"display": "-webkit-box", "-webkit-line-clamp": "3", "-webkit-box-orient": "vertical"},
                ),
                rx.text("No description yet.", size="2", color=rx.color("gray", 9)),
            ),
            rx.spacer(),
            rx.hstack(
                _members(group),
                rx.spacer(),
                rx.button("Open", variant="ghost", size="2", on_click=GroupsState.open_group(group.id), margin="0"),
                _membership_button(group),
                spacing="2",
                align="center",
                width="100%",
            ),
            spacing="2",
            height="100%",
            width="100%",
        ),
        size="2",
        width="100%",
        class_name="group-card",
    )


def _section(title: str, groups: rx.Var[list[GroupView]]) -> rx.Component:
    return rx.cond(
        groups.length() > 0,
        rx.vstack(
            rx.heading(title, size="3", weight="medium"),
            rx.grid(
                rx.foreach(groups, group_card), columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"
            ),
            spacing="2",
            width="100%",
        ),
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.input(
            rx.input.slot(rx.icon("search", size=16)),
            value=GroupsState.query,
            on_change=GroupsState.set_query.debounce(300),
            placeholder="Search groups by name",
            aria_label="Search groups",
            max_length=80,
            size="3",
            flex="1",
            min_width="200px",
        ),
        rx.button(rx.icon("plus", size=16), "New group", size="3", on_click=GroupFormState.start_create),
        spacing="2",
        wrap="wrap",
        width="100%",
    )


def _browse() -> rx.Component:
    return rx.vstack(
        _toolbar(),
        rx.cond(
            GroupsState.loaded,
            rx.cond(
                GroupsState.groups.length() > 0,
                rx.vstack(
                    _section("Your groups", GroupsState.your_groups),
                    _section(
                        rx.cond(GroupsState.your_groups.length() > 0, "More groups", "Groups to join"),
                        GroupsState.other_groups,
                    ),
                    spacing="5",
                    width="100%",
                ),
                rx.card(
                    rx.cond(
                        GroupsState.query != "",
                        empty_state(
                            "search-x", "No groups match that name", "Try another word, or start the group yourself."
                        ),
                        empty_state(
                            "users",
                            "No groups yet",
                            "Start one for the people you travel with, your rig or your region.",
                        ),
                    ),
                    width="100%",
                ),
            ),
            rx.card(loading_block(3), width="100%"),
        ),
        spacing="4",
        width="100%",
    )


def _owner_menu() -> rx.Component:
    group = GroupsState.current
    return rx.cond(
        group.mine,
        rx.dropdown_menu.root(
            rx.dropdown_menu.trigger(
                rx.icon_button(
                    rx.icon("ellipsis", size=16), variant="ghost", color_scheme="gray", aria_label="Group options"
                )
            ),
            rx.dropdown_menu.content(
                rx.dropdown_menu.item(
                    rx.icon("pencil", size=14), "Edit description", on_click=GroupFormState.start_edit
                ),
                rx.cond(
                    group.can_delete,
                    rx.dropdown_menu.item(
                        rx.icon("trash-2", size=14), "Delete group", color="red", on_click=GroupDeleteState.ask_delete
                    ),
                    rx.dropdown_menu.item("Others belong to it: it can't be deleted", disabled=True),
                ),
                align="end",
            ),
        ),
    )


def _group_header() -> rx.Component:
    group = GroupsState.current
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(group.name, size="5", overflow_wrap="anywhere"),
                rx.spacer(),
                rx.cond(
                    group.joined, rx.badge(rx.icon("check", size=12), "Joined", color_scheme="teal", radius="full")
                ),
                _owner_menu(),
                spacing="2",
                align="center",
                width="100%",
            ),
            rx.cond(
                group.description != "",
                rx.text(group.description, size="2", color=MUTED, white_space="pre-wrap", overflow_wrap="anywhere"),
            ),
            rx.hstack(
                _members(group),
                rx.cond(group.mine, rx.text("· you started it", size="2", color=MUTED)),
                rx.spacer(),
                _membership_button(group),
                spacing="2",
                align="center",
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _join_prompt() -> rx.Component:
    return rx.card(
        rx.flex(
            rx.hstack(
                rx.icon("message-square-lock", size=18, color=rx.color("accent", 11)),
                rx.text("Join to post in this group. Anyone can read along.", size="2"),
                spacing="2",
                align="center",
            ),
            rx.button("Join to post", on_click=GroupsState.join(GroupsState.current.id)),
            justify="between",
            align="center",
            spacing="3",
            wrap="wrap",
            width="100%",
        ),
        width="100%",
    )


def _group_page() -> rx.Component:
    return rx.vstack(
        rx.button(
            rx.icon("arrow-left", size=16), "All groups", variant="ghost", on_click=GroupsState.close_group, margin="0"
        ),
        _group_header(),
        rx.cond(
            GroupsState.current.joined,
            composer(
                GroupComposerState,
                title="Post in " + GroupsState.current.name,
                upload_id="group_post_photo",
                placeholder="Ask the group, or share what you've learned…",
            ),
            _join_prompt(),
        ),
        feed(
            GroupFeedState,
            ("message-circle", "No posts in this group yet", "Start the conversation: a question, a tip, a photo."),
        ),
        spacing="4",
        width="100%",
    )


def _dialogs() -> rx.Component:
    return rx.fragment(
        form_dialog(
            GroupFormState,
            rx.cond(GroupFormState.editing, "Edit description", "New group"),
            "Groups are open to everyone; members can post in them.",
            rx.cond(
                GroupFormState.editing,
                rx.text(GroupFormState.name, weight="bold", size="3"),
                field(
                    "Name",
                    rx.input(
                        name="name", default_value=GroupFormState.name, max_length=MAX_NAME, size="3", auto_focus=True
                    ),
                    hint=f"3 to {MAX_NAME} characters; each group's name is its own.",
                ),
            ),
            field(
                "Description",
                rx.text_area(
                    name="description",
                    default_value=GroupFormState.description,
                    max_length=MAX_DESCRIPTION,
                    rows="4",
                    placeholder="Who is it for, and what do you talk about?",
                ),
                hint=f"Up to {MAX_DESCRIPTION} characters.",
            ),
            submit=rx.cond(GroupFormState.editing, "Save", "Create group"),
        ),
        confirm_delete_dialog(
            GroupDeleteState,
            "Delete this group?",
            note="Its posts go with it. You can undo for a few seconds.",
        ),
    )


def groups_panel() -> rx.Component:
    """The Groups tab: the list, or the open group."""
    return rx.box(
        rx.cond(GroupsState.current.id != "", _group_page(), _browse()),
        _dialogs(),
        id="social-groups",
        max_width="720px",
        width="100%",
    )
