"""Trips through PAM's local engine when the sentence names only where to go: from the home base, or asked."""

from __future__ import annotations

from sqlmodel import Session

from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import trips as trip_repo


def _stops(session: Session, user_id, trip_id: str) -> list[str]:
    import uuid

    return [w.name for w in trip_repo.waypoints(session, user_id=user_id, trip_id=uuid.UUID(trip_id))]


async def test_a_trip_to_one_place_starts_at_the_home_base(make_user, session: Session) -> None:
    user = make_user(home_base="Alice Springs, NT")
    turn = await run_turn(user_id=user.id, message="plan a trip to Uluru")
    (call,) = turn.tool_calls
    assert call.name == "plan_trip" and call.result.ok, turn.reply
    assert _stops(session, user.id, call.result.data["id"]) == ["Alice Springs", "Uluru"]
    assert 300 < call.result.data["distance_km"] < 620


async def test_without_a_home_base_pam_asks_where_from_and_takes_the_answer(make_user, session: Session) -> None:
    user = make_user()
    asked = await run_turn(user_id=user.id, message="plan a trip to Kakadu")
    assert asked.tool_calls == [] and asked.reply.endswith("?")
    answered = await run_turn(user_id=user.id, message="from Darwin", conversation_id=asked.conversation_id)
    (call,) = answered.tool_calls
    assert call.name == "plan_trip" and call.result.ok, answered.reply
    assert _stops(session, user.id, call.result.data["id"]) == ["Darwin", "Kakadu"]


async def test_a_trip_to_the_home_base_itself_asks_where_from(make_user) -> None:
    user = make_user(home_base="Dubbo")
    turn = await run_turn(user_id=user.id, message="plan a trip to Dubbo")
    assert turn.tool_calls == [] and turn.reply.endswith("?")


async def test_a_stop_with_a_bigger_namesake_abroad_stays_on_the_route(make_user, session: Session) -> None:
    user = make_user()
    turn = await run_turn(user_id=user.id, message="uh we are heading hobart to port arthur can you plan that")
    (call,) = turn.tool_calls
    assert call.result.ok, turn.reply
    assert 60 < call.result.data["distance_km"] < 130  # Port Arthur, Tasmania, not Texas
