"""Pages with tabs open only the tabs they have."""

from __future__ import annotations

import reflex as rx

from tests.state.test_places_state import _substate, run
from wheels_wins.pages.social import SocialTabState
from wheels_wins.pages.wheels import WheelsTabState


async def test_each_page_opens_only_its_own_tabs() -> None:
    root = rx.State(_reflex_internal_init=True)
    social, wheels = _substate(root, SocialTabState), _substate(root, WheelsTabState)
    assert (social.tab, wheels.tab) == ("feed", "trips")
    await run(SocialTabState.set_tab, social, "market")
    await run(WheelsTabState.set_tab, wheels, "market")  # not a Wheels tab
    await run(SocialTabState.set_tab, social, "<script>")
    assert (social.tab, wheels.tab) == ("market", "trips")
    await run(WheelsTabState.set_tab, wheels, "calendar")
    assert wheels.tab == "calendar"
