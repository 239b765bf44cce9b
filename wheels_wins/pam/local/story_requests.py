"""The one request in a long message that is mostly a story: "A bloke at the park said … $40 of fuel. Set up a trip for
us, Hobart to Launceston", "… but more urgently can you pop Bella's vet appointment in for the day after tomorrow?"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from wheels_wins.pam.local.sentence import Intent

# A request that starts a sentence, or follows "so", "but (more urgently)" or "anyway" (never a bare comma or "and":
# "Perth to Broome, add Exmouth on the way" is one request).
_REQUEST = re.compile(
    r"(?:^|[.!?]\s+|\b(?:so|but|anyway)(?:\s+more\s+urgently)?,?\s+)"
    r"(?P<request>(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
    r"(?:post\s+(?:this\s+)?(?:to|on|in)\s+the|share\s+(?:this|that)|remind\s+(?:me|us)|set\s+up\s+a\s+trip|"
    r"plan\s+(?:a|the|our|us|me)\b|log|add|pop|make\s+(?:the|my|our)|open|take\s+(?:me|us)|undo|bump|"
    r"(?:cut|raise|increase|lower|reduce|trim|drop|set|change)\s+(?:the|my|our)\b)\b"
    r"(?:[^.!?]|[.](?=\d)|[?!](?=\S))*[.!?]?)",
    re.IGNORECASE,
)
_STORY_WORDS = 10  # fewer words before the request: the message is the request
_REASON_WORDS = 4  # "we're free camping more now so cut the camping budget by 20 percent": a reason, then "so"


def _words_before(m: re.Match[str]) -> int:
    return _REASON_WORDS if re.match(r"\s*so\b", m.group(0), re.IGNORECASE) else _STORY_WORDS


def request_after_story(
    text: str, today: dt.date, classify: Callable[..., Intent]
) -> Intent | None:
    """The last request of a message with a story before it, read on its own; None when there is none, or when on its
    own it lacks something the story has (then the whole message is read)."""
    found = [m for m in _REQUEST.finditer(text) if len(text[: m.start("request")].split()) >= _words_before(m)]
    if not found:
        return None
    intent = classify(found[-1]["request"].strip(), today, follow_up=False)
    if intent.name in ("unknown", "greeting", "thanks", "help", "correction") or intent.missing:
        return None
    return intent
