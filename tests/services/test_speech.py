"""Speech synthesis through the real edge-tts client against a local stub of the service, and its cache."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.stubs import edge_tts_stub
from tests.stubs.edge_tts_stub import EdgeTtsStub
from tests.stubs.server import free_port
from wheels_wins.db import utcnow
from wheels_wins.models import AudioCache
from wheels_wins.services import speech

VOICE = "en-AU-NatashaNeural"
SSML_VOICE = "Microsoft Server Speech Text to Speech Voice (en-AU, NatashaNeural)"


@pytest.fixture
def stub(engine: Engine) -> Iterator[EdgeTtsStub]:
    """The stub service, with the app pointed at it."""
    with edge_tts_stub.running() as service, edge_tts_stub.app_settings(edge_tts_url=service.url):
        yield service


def _entries(session: Session) -> list[AudioCache]:
    session.expire_all()
    return list(session.exec(select(AudioCache)).all())


async def test_synthesis_returns_the_services_audio_for_the_voice_and_text(stub: EdgeTtsStub) -> None:
    audio = await speech.synthesize("Your **fuel** budget has $42 left.", VOICE)
    assert audio == stub.audio
    assert len(stub.connections) == 1 and len(stub.ssml) == 1
    query = stub.connections[0]
    assert query["TrustedClientToken"] and query["ConnectionId"] and query["Sec-MS-GEC"]
    assert '"outputFormat":"audio-24khz-48kbitrate-mono-mp3"' in stub.configs[0]
    assert f"<voice name='{SSML_VOICE}'>" in stub.ssml[0]
    assert "Your fuel budget has $42 left.</prosody>" in stub.ssml[0]


async def test_text_is_escaped_into_the_ssml(stub: EdgeTtsStub) -> None:
    assert await speech.synthesize("Fish & chips <3", VOICE) == stub.audio
    assert "Fish &amp; chips &lt;3" in stub.ssml[0]


async def test_a_repeat_is_served_from_the_cache_without_contacting_the_service(
    stub: EdgeTtsStub, session: Session
) -> None:
    first = await speech.synthesize("Drive safe out there.", VOICE)
    second = await speech.synthesize("Drive   *safe* out there.", VOICE)  # the same words once cleaned
    assert first == second == stub.audio
    assert len(stub.connections) == 1
    [entry] = _entries(session)
    assert entry.cache_key == speech.cache_key(VOICE, "Drive safe out there.")
    assert entry.voice == VOICE and entry.mime_type == "audio/mpeg" and entry.audio == stub.audio
    days = (entry.expires_at - utcnow()).total_seconds() / 86400
    assert 29.9 < days <= 30


async def test_another_voice_is_another_entry(stub: EdgeTtsStub, session: Session) -> None:
    await speech.synthesize("G'day.", VOICE)
    await speech.synthesize("G'day.", "en-GB-SoniaNeural")
    assert len(stub.connections) == 2 and "(en-GB, SoniaNeural)" in stub.ssml[1]
    assert {e.voice for e in _entries(session)} == {VOICE, "en-GB-SoniaNeural"}


async def test_expired_entries_are_purged_and_the_text_synthesised_again(stub: EdgeTtsStub, session: Session) -> None:
    await speech.synthesize("Rest stop in 20 km.", VOICE)
    await speech.synthesize("Dump point ahead.", VOICE)
    assert speech.purge_expired(session, utcnow()) == 0
    assert speech.purge_expired(session, utcnow() + dt.timedelta(days=31)) == 2
    session.commit()
    assert _entries(session) == []
    assert await speech.synthesize("Rest stop in 20 km.", VOICE) == stub.audio
    assert len(stub.connections) == 3


async def test_an_expired_entry_is_not_served_even_before_the_purge(stub: EdgeTtsStub, session: Session) -> None:
    await speech.synthesize("Low tyre pressure.", VOICE)
    [entry] = _entries(session)
    entry.expires_at = utcnow() - dt.timedelta(minutes=1)
    session.add(entry)
    session.commit()
    assert await speech.synthesize("Low tyre pressure.", VOICE) == stub.audio
    assert len(stub.connections) == 2
    [renewed] = _entries(session)
    assert renewed.id == entry.id and renewed.expires_at > utcnow() + dt.timedelta(days=29)


async def test_concurrent_requests_for_the_same_text_both_get_audio(stub: EdgeTtsStub, session: Session) -> None:
    results = await asyncio.gather(*(speech.synthesize("Same words twice.", VOICE) for _ in range(2)))
    assert results == [stub.audio, stub.audio]
    assert len(_entries(session)) == 1


async def test_an_unreachable_service_gives_none_quickly(engine: Engine) -> None:
    with edge_tts_stub.app_settings(edge_tts_url=f"ws://127.0.0.1:{free_port()}/edge/v1"):
        started = time.monotonic()
        assert await speech.synthesize("Anyone there?", VOICE) is None
    assert time.monotonic() - started < 2


async def test_a_silent_service_times_out_to_none(engine: Engine) -> None:
    timeout = 2.0  # covers connecting and sending to the stub's thread on a loaded machine
    with edge_tts_stub.running(silent=True) as service:
        with edge_tts_stub.app_settings(edge_tts_url=service.url, tts_timeout_seconds=timeout):
            started = time.monotonic()
            assert await speech.synthesize("Hello?", VOICE) is None
            elapsed = time.monotonic() - started
        assert len(service.ssml) == 1
    # It waited for the audio until the configured timeout, and not until the default one (8 s).
    assert timeout - 0.1 < elapsed < timeout + 3


async def test_a_service_that_sends_no_audio_gives_none_and_caches_nothing(engine: Engine, session: Session) -> None:
    with edge_tts_stub.running(audio=b"") as service, edge_tts_stub.app_settings(edge_tts_url=service.url):
        assert await speech.synthesize("Silence.", VOICE) is None
        assert await speech.synthesize("Silence.", VOICE) is None
        assert len(service.connections) == 2
    assert _entries(session) == []


async def test_nothing_to_say_or_a_malformed_voice_never_contacts_the_service(stub: EdgeTtsStub) -> None:
    assert await speech.synthesize("  **  ", VOICE) is None
    assert await speech.synthesize("Hello", "not a voice") is None
    assert stub.connections == []


def test_the_endpoint_is_the_librarys_unless_configured() -> None:
    assert speech.endpoint_url(None).startswith("wss://speech.platform.bing.com/")
    assert speech.endpoint_url("ws://127.0.0.1:9/tts").startswith("ws://127.0.0.1:9/tts?TrustedClientToken=")
    assert speech.endpoint_url("ws://127.0.0.1:9/tts?key=1") == "ws://127.0.0.1:9/tts?key=1"


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("## Fuel\n- Shell: $60\n- BP: $55", "Fuel. Shell: $60. BP: $55"),
        ("You're **under** budget 🎉!", "You're under budget!"),
        ("See [the trip](https://example.com/t/1) or https://example.com.", "See the trip or."),
        ("| Day | km |\n|---|---|\n| Mon | 320 |", "Day, km. Mon, 320"),
        ("Run `undo` now.\n```\nraw code\n```\nDone.", "Run undo now. Done."),
        ("It's 25°C at camp_site_4.", "It's 25°C at camp_site_4."),
        ("> Quoted\n\n***\n\nAfter", "Quoted. After"),
    ],
)
def test_text_is_cleaned_for_speech(text: str, spoken: str) -> None:
    assert speech.clean_for_speech(text) == spoken


def test_long_text_is_cut_at_a_sentence_boundary() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(60))
    spoken = speech.clean_for_speech(text)
    assert len(spoken) <= speech.MAX_SPOKEN_CHARS and spoken.endswith("is here.")
    assert text.startswith(spoken)


def test_long_text_without_a_sentence_end_is_cut_at_a_word() -> None:
    spoken = speech.clean_for_speech("word " * 300)
    assert len(spoken) <= speech.MAX_SPOKEN_CHARS and spoken.endswith("word…")
