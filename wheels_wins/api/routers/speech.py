"""`POST /api/v1/pam/speech`: PAM's reply as MP3 audio, or a 503 that tells the browser to speak it itself."""

from __future__ import annotations

import asyncio
import uuid

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from wheels_wins.api.deps import CurrentUserId, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, invalid, not_authenticated
from wheels_wins.db import session_scope
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import speech
from wheels_wins.settings import get_settings

router = APIRouter(prefix="/pam", tags=["pam"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


class SpeechRequest(BaseModel):
    """Text to speak, and optionally which edge-tts voice speaks it."""

    model_config = ConfigDict(str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=2000, description="Markdown is read as plain words; long text is cut")
    voice: str | None = Field(
        default=None,
        max_length=60,
        pattern=speech.VOICE_PATTERN,
        description="An edge-tts voice such as en-AU-NatashaNeural; the configured voice when left out",
        examples=["en-AU-NatashaNeural"],
    )


def _voice_enabled(user_id: uuid.UUID) -> bool | None:
    with session_scope() as session:
        user = users_repo.get_by_id(session, user_id=user_id)
        return user.voice_enabled if user is not None else None


@router.post(
    "/speech",
    # A bare Response class: its media type would otherwise be claimed for the JSON error bodies too.
    response_class=Response,
    response_model=None,
    summary="Speak a reply",
    dependencies=[Depends(per_user_rate_limit("pam_speech", limit=30))],
    responses={
        200: {
            "description": "The text spoken, as MP3",
            "content": {speech.MIME_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        },
        403: {"model": ErrorEnvelope, "description": "`voice_disabled`: the user has turned spoken replies off"},
        429: {"model": ErrorEnvelope, "description": "Too many requests; see Retry-After"},
        503: {
            "model": ErrorEnvelope,
            "description": "`speech_unavailable`: no audio now; speak the text with the browser's speechSynthesis",
        },
    },
)
async def speak(body: SpeechRequest, user_id: CurrentUserId) -> Response:
    """PAM's text read aloud (cached, so a repeated reply is instant).

    Refused with 403 `voice_disabled` while the user's "PAM voice" preference is off: the client
    should not be asking, and a 503 would wrongly tell it to speak with the browser instead.
    """
    # No request-wide session: holding one open (SQLite's write lock) during synthesis would stall other requests.
    enabled = await asyncio.to_thread(_voice_enabled, user_id)
    if enabled is None:
        raise not_authenticated()
    if not enabled:
        raise ApiError(403, "voice_disabled", "spoken replies are turned off in your preferences")
    if not speech.clean_for_speech(body.text):
        raise invalid("text", "has no words to speak")
    audio = await speech.synthesize(body.text, body.voice or get_settings().tts_voice)
    if audio is None:
        raise ApiError(503, "speech_unavailable", "speech is unavailable right now; speak the text on the device")
    return Response(content=audio, media_type=speech.MIME_TYPE)
