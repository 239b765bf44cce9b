"""The one request in a long message that is mostly a story: "A bloke at the park said … $40 of fuel. Set up a trip for
us, Hobart to Launceston", "… but more urgently can you pop Bella's vet appointment in for the day after tomorrow?"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from wheels_wins.pam.local.sentence import Intent

# A request that starts a sentence, or follows "so", "but (more urgently)" or "anyway" (never a bare comma or "and":
# "Perth to Broome, add Exmouth on the way" is one request; but "The wet's nearly over - remind me to …", whose dash
# `normalise` made a comma).
_REQUEST = re.compile(
    r"(?:^|[.!?]\s+|,\s+(?=remind\s+(?:me|us)\b)|\b(?:so|but|anyway)(?:\s+more\s+urgently)?,?\s+)"
    r"(?P<request>(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
    r"(?:post\s+(?:this\s+)?(?:to|on|in)\s+the|share\s+(?:this|that)|remind\s+(?:me|us)|set\s+up\s+a\s+trip|"
    r"plan\s+(?:a|the|our|us|me)\b|log|add|pop|delete|remove|scrap|cancel|make\s+(?:the|my|our)|open|take\s+(?:me|us)|undo|bump|"
    r"(?:move|push|shift|reschedule)\s+(?:the|my|our)\b|"
    r"(?:cut|raise|increase|lower|reduce|trim|drop|set|change)\s+(?:the|my|our)\b)\b"
    r"(?:[^.!?]|[.](?=\d)|[?!](?=\S))*[.!?]?)",
    re.IGNORECASE,
)
# "… the oil and filter. It cost $265.80.": the price of what was said before
IT_COST = r"(?:it|that|this|they)\s+(?:cost|came\s+to|set\s+us\s+back|was|were)\s+[$£€]?\d"
# A request that leans on the story before it, so cannot be read alone: "bump it up by $250", "plan it via Timaru",
# "remind me about it on Friday", "It cost $265.80." (`several_requests` has a narrower one: there "log that" after a
# purchase is the purchase's own request.)
_ABOUT_THE_STORY = re.compile(
    r"^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?\w+\s+(?:it|that|this|them|those)\b|"
    r"^" + IT_COST + r"|"
    r"^(?:please\s+)?remind\s+(?:me|us)\s+(?:about|of)\s+(?:it|that|this|them)\b",
    re.IGNORECASE,
)
_STORY_WORDS = 10  # fewer words before the request: the message is the request
_REASON_WORDS = 4  # "we're free camping more now so cut the camping budget by 20 percent": a reason, then "so"
_SHORT_STORY_WORDS = 2  # a whole sentence before a removal, move or reminder, with no amount or route in it


def _words_before(m: re.Match[str]) -> int:
    if re.match(r"\s*so\b", m.group(0), re.IGNORECASE):
        return _REASON_WORDS
    story = m.string[: m.start()]
    whole = re.match(r"[.!?,]\s+(?:please\s+)?(?:delete|remove|scrap|cancel|remind|move|push|shift|reschedule)\b", m.group(0),
                     re.IGNORECASE)
    if whole and not re.search(r"\d|\b(?:to|from|via)\b", story, re.IGNORECASE):
        return _SHORT_STORY_WORDS  # "We've decided against Austria this time round. Please delete the … trip."
    return _STORY_WORDS


def request_after_story(
    text: str, today: dt.date, classify: Callable[..., Intent]
) -> Intent | None:
    """The last request of a message with a story before it, read on its own; None when there is none, or when on its
    own it lacks something the story has (then the whole message is read)."""
    found = [m for m in _REQUEST.finditer(text) if len(text[: m.start("request")].split()) >= _words_before(m)]
    if not found:
        return None
    request = found[-1]["request"].strip()
    if _ABOUT_THE_STORY.search(request):
        return None  # "… our transport budget is hopeless. Bump it up by $250": "it" is in the story
    intent = classify(request, today, follow_up=False)
    if intent.name in ("unknown", "greeting", "thanks", "help", "correction") or intent.missing:
        return None
    slots = intent.slots
    if intent.name == "add_expense" and slots.get("category") in (None, "other") and not (
            slots.get("description") or slots.get("merchant")):
        return None  # "… emptied the cassette at the service point … so log $6.60 please": the story says what it was
    return intent


# "log 389 dollars for it", "that cost us $120", "put $18 down for that": the purchase is what was said before.
_REFERS_BACK = re.compile(
    r"\b(?:for|on)\s+(?:it|that|this|them|those)\b|\b(?:it|that|this|they|those)\s+(?:cost|was|were|came\s+to|set\s+us\s+back)\b|"
    r"\blog\s+(?:it|that|this)\b",
    re.IGNORECASE,
)


def purchase_said_before(
    intent: Intent, text: str, said_before: str | None, today: dt.date, classify: Callable[..., Intent]
) -> Intent:
    """An amount for "it" given the message after one that told what "it" was ("we just drove off the Interislander"
    → "log $389 for it" is the ferry): the earlier message's purchase with this one's amount; else `intent` as it is."""
    slots = intent.slots
    vague = slots.get("category") in (None, "other") and not slots.get("description") and not slots.get("merchant")
    if intent.name != "add_expense" or not vague or not slots.get("amount") or not said_before:
        return intent
    if not _REFERS_BACK.search(text):
        return intent
    told = classify(f"{said_before.rstrip('.!? ')}, ${intent.slots['amount']}", today, follow_up=False)
    if told.name != "add_expense" or told.missing or told.slots.get("category") in (None, "other"):
        return intent  # "the kids loved the beach today": nothing said there was paid for
    slots = {**intent.slots, **{k: told.slots[k] for k in ("description", "merchant", "category") if told.slots.get(k)}}
    return Intent("add_expense", intent.confidence, slots)
