"""The PAM panel's pure parts: which page data reloads after a turn, which calls become chips, markdown safety."""

from __future__ import annotations

import wheels_wins.pages  # noqa: F401 — registers every page and what it shows
from wheels_wins.components.pam_chat import _markdown
from wheels_wins.state.pam import SUGGESTIONS, _chips, _route, refresh_events


def test_a_change_reloads_only_the_pages_that_show_it() -> None:
    assert refresh_events("/wins", {"expenses"})
    assert refresh_events("/wheels", {"trips"})
    assert refresh_events("/", {"budgets"})
    assert refresh_events("/social", {"expenses"}) == []
    assert refresh_events("/wins", set()) == []
    assert refresh_events("/nowhere", {"expenses"}) == []


def test_served_paths_map_to_routes() -> None:
    assert _route("/wins/") == "/wins"
    assert _route("/") == "/"
    assert _route("") == "/"
    assert set(SUGGESTIONS) == {"/", "/wheels", "/wins", "/social", "/you"}


def test_chips_show_changes_not_look_ups_and_keep_each_calls_index() -> None:
    calls = [
        {"name": "spending_summary", "ok": True, "summary": "$0.00 spent this month"},
        {"name": "add_expense", "ok": True, "summary": "Logged $50.00 fuel", "undo": {"op": "delete"}},
        {"name": "add_expense", "ok": False, "summary": "Invalid arguments — amount"},
        {"name": "add_expense", "ok": True, "summary": "Logged $9.00 dining", "undo": {"op": "delete"}, "undone": True},
    ]
    chips = _chips(calls)
    assert [(c.index, c.ok, c.can_undo, c.undone) for c in chips] == [
        (1, True, True, False),
        (2, False, False, False),
        (3, True, False, True),
    ]


def test_a_which_one_question_from_a_changing_tool_gets_no_chip() -> None:
    asked = {"items": [{"id": "x"}], "then": {"tool": "delete_expense", "arguments": {}}}
    chips = _chips(
        [
            {"name": "delete_expense_described", "ok": True, "summary": "Which one? I found 2: …", "result": asked},
            {"name": "delete_expense", "ok": True, "summary": "Deleted $9.00 other", "undo": {"op": "recreate"}},
        ]
    )
    assert [(c.index, c.summary) for c in chips] == [(1, "Deleted $9.00 other")]


def test_a_chip_names_the_change_and_keeps_the_figures_for_its_tooltip() -> None:
    planned = "Planned Sydney → Canberra: about 290 km, 3.6 h driving"
    failed = "Sorry: I couldn't find 'Atlantis' on the map."
    chips = _chips(
        [
            {"name": "plan_trip", "ok": True, "summary": planned, "undo": {"op": "delete"}},
            {"name": "plan_trip", "ok": False, "summary": failed},
        ]
    )
    assert [(c.summary, c.detail) for c in chips] == [("Planned Sydney → Canberra", planned), (failed, failed)]


def test_a_failure_the_reply_already_explains_gets_no_chip() -> None:
    failed = {"name": "cancel_calendar_event", "ok": False, "summary": "I couldn't find “appointment” in your calendar."}
    assert _chips([failed], "Sorry — I couldn't find “appointment” in your calendar.") == []
    assert [c.summary for c in _chips([failed], "I tried, but something went wrong.")] == [failed["summary"]]


def test_replies_render_markdown_without_raw_html() -> None:
    rendered = str(_markdown("**hi** <script>x</script>"))
    assert "rehypeRaw" not in rendered
    assert "remarkGfm" in rendered
