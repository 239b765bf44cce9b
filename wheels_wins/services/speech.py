"""PAM's spoken replies: text cleaned for speech, synthesised by Microsoft Edge's read-aloud service, cached.

`synthesize` never raises: None means "no audio" (service unreachable, failing or slow), and the
browser then speaks with its own speechSynthesis. Audio is cached in the shared `AudioCache`
table by a hash of voice and cleaned text, so a repeated reply never reaches the service.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import math
import re
import unicodedata
from functools import lru_cache
from types import ModuleType

from sqlmodel import Session

from wheels_wins.db import session_scope, utcnow
from wheels_wins.repositories import audio_cache as cache_repo
from wheels_wins.settings import get_settings

log = logging.getLogger(__name__)

MIME_TYPE = "audio/mpeg"
MAX_SPOKEN_CHARS = 600
# The short form edge-tts accepts: language, region, optional variant, then a Neural voice name.
VOICE_PATTERN = r"^[a-z]{2,3}-[A-Z]{2,}(-[A-Za-z]+)?-[A-Za-z]+Neural$"

_CODE_BLOCK = re.compile(r"```.*?(```|$)", re.DOTALL)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S*[^\s.,!?;:)\]]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_RULE_OR_TABLE_DIVIDER = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$", re.MULTILINE)
_LINE_MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+•]\s+)", re.MULTILINE)
_EMPHASIS = re.compile(r"\*+|~~|`|(?<!\w)_+|_+(?!\w)")
_PIPE = re.compile(r"[ \t]*\|[ \t]*")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t]+([.,!?;:])")
_SENTENCE_END = re.compile(r"[.!?…](?=[\"')\]]*(?:\s|$))")


def _is_emoji(char: str) -> bool:
    # Pictographs are read out by name ("smiling face"); ° and © (also symbols, below U+2190) stay.
    return char in "\u200d\ufe0f" or (ord(char) >= 0x2190 and unicodedata.category(char) == "So")


def clean_for_speech(text: str, limit: int = MAX_SPOKEN_CHARS) -> str:
    """Markdown, links, URLs and emoji stripped; lines joined as sentences; at most `limit` characters."""
    text = _CODE_BLOCK.sub(" ", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _URL.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _RULE_OR_TABLE_DIVIDER.sub("", text)
    text = _LINE_MARKERS.sub("", text)
    text = _PIPE.sub(", ", _EMPHASIS.sub("", text))
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", "".join(char for char in text if not _is_emoji(char)))
    spoken = ""
    for line in (" ".join(line.split()).strip(" ,") for line in text.splitlines()):
        if line:
            # A list item or heading has no full stop; without one the voice runs the lines together.
            spoken += line if not spoken else (" " if spoken[-1] in ".!?…:;," else ". ") + line
    return _shorten(spoken, limit)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [match.end() for match in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= limit // 3:
        return head[: ends[-1]].rstrip()
    cut = head.rsplit(None, 1)[0] if " " in head else head[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def cache_key(voice: str, cleaned_text: str) -> str:
    """The cache key of a voice and an already cleaned text."""
    return hashlib.sha256(f"{voice}\n{cleaned_text}".encode()).hexdigest()


@lru_cache(maxsize=1)
def _edge_tts() -> tuple[ModuleType, str, str]:
    """edge-tts's `communicate` module, imported on first use (it weighs ~25 MB), with its own endpoint
    (read before `_stream` first changes it) and client token."""
    from edge_tts import communicate
    from edge_tts.constants import TRUSTED_CLIENT_TOKEN

    return communicate, communicate.WSS_URL, TRUSTED_CLIENT_TOKEN


def endpoint_url(configured: str | None) -> str:
    """The websocket URL edge-tts connects to: the configured one (the library appends its query), or its own."""
    _, library_url, client_token = _edge_tts()
    if not configured:
        return library_url
    return configured if "?" in configured else f"{configured}?TrustedClientToken={client_token}"


async def synthesize(text: str, voice: str) -> bytes | None:
    """MP3 of `text` spoken in `voice`, from the cache or the service; None when there is nothing to say or no audio."""
    cleaned = clean_for_speech(text)
    if not cleaned or re.match(VOICE_PATTERN, voice) is None:
        return None
    key = cache_key(voice, cleaned)
    try:
        cached = await asyncio.to_thread(_read_cache, key)
    except Exception as error:  # noqa: BLE001 - a cache we cannot read is a miss, not a failure
        log.warning("Speech cache unreadable: %r", error)
        cached = None
    if cached is not None:
        return cached

    settings = get_settings()
    try:
        async with asyncio.timeout(settings.tts_timeout_seconds):
            audio = await _stream(cleaned, voice, endpoint_url(settings.edge_tts_url), settings.tts_timeout_seconds)
    except Exception as error:  # noqa: BLE001 - unreachable, refused, malformed or slow: the browser speaks
        log.warning("Speech synthesis unavailable: %r", error)
        return None
    if not audio:
        return None

    expires_at = utcnow() + dt.timedelta(days=settings.tts_cache_days)
    try:
        await asyncio.to_thread(_write_cache, key, voice, audio, expires_at)
    except Exception as error:  # noqa: BLE001 - e.g. a concurrent writer won the key; the audio is still good
        log.warning("Speech cache not written: %r", error)
    return audio


def purge_expired(session: Session, now: dt.datetime | None = None) -> int:
    """Delete cached audio that has expired (by `now`, default the current time); returns how many went."""
    return cache_repo.purge_expired(session, now=now or utcnow())


async def _stream(text: str, voice: str, url: str, timeout: float) -> bytes:
    # edge-tts 7.3.1 takes no endpoint argument, and neither of its hooks can redirect it (`connector`
    # and `proxy` still speak TLS to the wss:// host). Communicate reads the module constant WSS_URL
    # each time it connects, so it is set here, right before connecting, to the one configured value:
    # concurrent calls all write the same URL, and nothing else in the process uses edge-tts.
    communicate = _edge_tts()[0]
    communicate.WSS_URL = url
    seconds = max(1, math.ceil(timeout))
    speaker = communicate.Communicate(text, voice, connect_timeout=seconds, receive_timeout=seconds)
    chunks = [chunk["data"] async for chunk in speaker.stream() if chunk["type"] == "audio" and "data" in chunk]
    return b"".join(chunks)


def _read_cache(key: str) -> bytes | None:
    with session_scope() as session:
        entry = cache_repo.get_valid(session, cache_key=key, now=utcnow())
        return entry.audio if entry is not None else None


def _write_cache(key: str, voice: str, audio: bytes, expires_at: dt.datetime) -> None:
    with session_scope() as session:
        cache_repo.put(session, cache_key=key, voice=voice, audio=audio, expires_at=expires_at, mime_type=MIME_TYPE)
