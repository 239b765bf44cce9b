"""Requests to open a page of the app: "open the trip planner", "budgets page pls", "where can I see my spending"."""

from __future__ import annotations

import re

from wheels_wins.pam.local import entities
from wheels_wins.pam.local.normalise import sentences
from wheels_wins.pam.local.sentence import Intent, Sentence

_NAV_START = re.compile(
    r"^(?:(?:go|head|jump|navigate|switch|flip|take\s+(?:me|us)|bring\s+(?:me|us)|get\s+(?:me|us)|send\s+(?:me|us)|move|skip)"
    r"(?:\s+back)?(?:\s+(?:to|over\s+to|into|onto))?|"
    r"back\s+to|open(?:\s+up)?(?:\s+for\s+(?:me|us))?|show(?:\s+(?:me|us))?|display|bring\s+up|pull\s+up|load|view|visit|see|"
    r"launch|return\s+to|where\s+(?:(?:can|do|would)\s+(?:i|we)|(?:i|we)\s+(?:can|could))\s+(?:see|find|view|check|look\s+at)|"
    r"(?:i|we)\s+(?:want|wanna|would\s+like|'d\s+like|need)\s+(?:to\s+)?(?:see|view|check\s+out|look\s+at|read)|"
    r"(?:i|we)\s+wanna\s+(?:see|view|check\s+out|look\s+at|read))\s+(?P<target>.+)$",
    re.IGNORECASE,
)
_LIST_TARGET = re.compile(
    r"\b(?:expenses|trips|posts|events|reminders|income|calendar|schedule|diary|agenda|feed)\b",
    re.IGNORECASE,
)


# "what other travellers are writing", "what people are saying": only the feed shows that.
_FEED_TALK = re.compile(
    r"\bwhat\s+(?:the\s+)?(?:other\s+)?(?:travell?ers|nomads|people|others|folks|members|everyone|everybody|rvers)\b"
    r"[\w' ]{0,20}\b(?:writ|post|say|talk|shar|chat)",
    re.IGNORECASE,
)
# "… could you take me there?", "… can you open that page": the page named before
_THERE = re.compile(
    r"\b(?:(?:take|bring|send|get)\s+(?:me|us)\s+there|(?:open(?:\s+up)?|show\s+(?:me|us)|pull\s+up|bring\s+up|go\s+to)\s+"
    r"(?:that|this)\s+(?:page|screen|tab|section|one)|open\s+it(?:\s+up)?(?=[\s.!?]*$))\b",
    re.IGNORECASE,
)


def navigate(s: Sentence) -> Intent | None:
    """navigate when the message asks to open a page ("open the trip planner", "take me there"), else None."""
    there = _THERE.search(s.text)
    if there:  # "… what other travellers have been chatting about - could you take me there?"
        page = entities.page_mentioned(s.text[: there.start()])
        return Intent("navigate", 0.9, {"to": page}) if page else None
    m = _NAV_START.match(s.text.rstrip(" .!?"))
    if not m:
        bare = re.fullmatch(r"(?:the\s+|my\s+)?(?P<target>\w+(?:\s+\w+)?)\s+(?:page|screen|tab)", s.low.strip(" .!?"))
        if bare and entities.page_target(bare["target"]):  # "budgets page pls"
            return Intent("navigate", 0.9, {"to": entities.page_target(bare["target"])})
        if re.fullmatch(
            r"(?:go\s+)?(?:back\s+)?home|(?:the\s+)?dashboard|home\s+(?:page|screen)",
            s.low.strip(" .!?"),
        ):
            return Intent("navigate", 0.9, {"to": "/"})
        return None
    target = sentences(m["target"])[0]  # "pull up our budget page? I want a squiz at the numbers"
    described = re.match(
        r"(?:the\s+)?(?:page|screen|tab|section|place|part)\s+(?:where|that|which)\b", target, re.IGNORECASE
    )
    page = "/social" if _FEED_TALK.search(target) else entities.page_target(target)
    # "show me what I spent" asks a question; "what other nomads are posting" is only answered by the feed
    asks = re.search(r"\b(?:from|via|how|what|much|spent|left)\b", target, re.IGNORECASE)
    if not described and asks and page != "/social":
        return None
    if page is None:
        return None
    verb = m.group(0)[: m.start("target")].lower()
    is_show = verb.strip().startswith(("show", "display", "see", "view"))
    if (
        is_show
        and _LIST_TARGET.search(target)
        and not re.search(r"\b(?:page|screen|tab|section)\b", target, re.IGNORECASE)
    ):
        return None
    return Intent("navigate", 0.95, {"to": page})
