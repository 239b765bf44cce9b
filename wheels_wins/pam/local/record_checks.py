"""Questions about whether something was recorded ("did I put in lunch today?"), and removing a double-up among the
purchases just shown ("looks like I doubled it up, delete one of them")."""

from __future__ import annotations

import datetime as dt
import re

from wheels_wins.pam.local.brands import brand_named
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.periods import Period, resolve_period
from wheels_wins.pam.local.sentence import Intent, Sentence

# "did I put in lunch today?", "have I logged the diesel yet?", "did we already add the woolies shop?"
_DID_I_LOG = re.compile(
    r"^(?:(?:hey|so|um|oh|wait)[\s,]+)*(?:did|have|has)\s+(?:i|we|my\s+\w+)\s+(?:already\s+|even\s+|actually\s+)?"
    r"(?:log(?:ged)?|put|add(?:ed)?|record(?:ed)?|enter(?:ed)?|include[d]?|note[d]?|track(?:ed)?)"
    r"(?:\s+(?:in|down))?\s+(?:the\s+|my\s+|our\s+|a\s+|an\s+|that\s+)?(?P<what>[\w'&-]+(?:\s+[\w'&-]+){0,3}?)"
    r"(?P<when>\s+(?:in|on|for|from)\s+[\w ]+?|\s+(?:today|yesterday|tonight|this\s+\w+|last\s+\w+))?"
    r"(?:\s+(?:yet|already|in\s+(?:here|the\s+app)))*\s*[?.!]*$",
    re.IGNORECASE,
)
_WHAT_NOISE = re.compile(r"\s+(?:one|bit|expense|purchase|receipt|payment|shop)$", re.IGNORECASE)


# "I didn't log the diesel, did I?", "we haven't added lunch yet have we": the same question, asked the other way
_I_DIDNT = re.compile(
    r"^(?P<who>i|we)\s+(?P<aux>didn't|did\s+not|haven't|have\s+not)\s+(?P<rest>.+?)[\s,]*(?:did|have)\s+(?:i|we)\s*[?.!]*$",
    re.IGNORECASE,
)


# "did the woolies shop go in twice yesterday?": whether it was logged (and how often)
_DID_IT_GO_IN = re.compile(
    r"^(?:did|has|have)\s+(?:the\s+|my\s+|our\s+|that\s+)?(?P<what>[\w'&-]+(?:\s+[\w'&-]+){0,3}?)\s+(?:go|gone|get|got)\s+"
    r"(?:in|logged|added|entered)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


_TWICE_WORD = re.compile(r"\s+(?:twice|two\s+times|double)\b", re.IGNORECASE)


def logged_check(s: Sentence) -> Intent | None:
    """list_expenses searching for what "did I log …?" names, over the period said or the past week."""
    went = _DID_IT_GO_IN.match(s.text)
    if went:
        rest = _TWICE_WORD.sub("", went["rest"])
        s = Sentence(f"did I log {went['what']}{rest}", s.today)
    turned = _I_DIDNT.match(s.text)
    if turned:
        aux = "did" if turned["aux"].lower().startswith("did") else "have"
        s = Sentence(f"{aux} {turned['who']} {turned['rest']}?", s.today)
    m = _DID_I_LOG.match(s.text)
    if m is None:
        return None
    what = _WHAT_NOISE.sub("", m["what"].strip()) or m["what"].strip()
    if what.lower() in ("it", "that", "this", "them", "everything", "anything", "all"):
        return None
    period = resolve_period(s.text, s.today) or Period("custom", s.today - dt.timedelta(days=6), s.today)
    search = brand_named(what) or what  # "the woolies shop" is one at Woolworths
    return Intent("list_expenses", 0.9, {"search": search, "period": period.name, "start": period.start, "end": period.end})


# "delete one of them", "get rid of the duplicate", "remove the double-up": one of two purchases that are the same.
_ONE_OF_A_PAIR = re.compile(
    r"\b(?:delete|remove|erase|drop|bin|ditch|scrap|get\s+rid\s+of|take\s+out|kill)\s+"
    r"(?:one\s+of\s+(?:them|those|these|the\s+two|em)|the\s+(?:duplicate|dupe|double(?:-?\s?up)?|extra|second)(?:\s+(?:one|entry|expense))?|"
    r"(?:a|one)\s+(?:duplicate|dupe|double(?:-?\s?up)?))\b",
    re.IGNORECASE,
)


# "i logged the bunnings tarp twice": what was recorded twice
_TWICE = re.compile(
    r"\b(?:logged|added|entered|recorded|put\s+in|put)\s+(?:the\s+|my\s+|our\s+|that\s+)?(?P<what>[\w$.'& -]{2,40}?)"
    r"(?:\s+(?:in|on))?\s+(?:twice|two\s+times|double)\b|"
    # "the iga shop went in twice yesterday", "my etsy payout is in there twice"
    r"(?:^|[,.;]\s*|\bthink\s+)(?:the\s+|my\s+|our\s+|that\s+)?(?P<what2>[\w$.'& -]{2,40}?)(?:'s)?\s+(?:went\s+in|is\s+in(?:\s+there)?|"
    r"(?:has\s+)?gone\s+in|(?:has\s+)?come\s+in|(?:has\s+)?been\s+(?:logged|added|entered|put\s+in)|"
    r"got\s+(?:logged|added|entered)|was\s+(?:logged|added|entered)|(?:is|are)\s+(?:on\s+)?there)\s+(?:twice|two\s+times|double)\b",
    re.IGNORECASE,
)


# "don't delete it yet", "should I delete …?": no request to delete
_NOT_TO_DO = re.compile(
    r"\b(?:don'?t|do\s+not|never|shouldn'?t|should\s+i|yet)\b|^(?!.*\b(?:can|could|would|will)\s+(?:you|u)\b).*\?\s*$",
    re.IGNORECASE,
)


def remove_duplicate(s: Sentence) -> Intent | None:
    """remove_expense of a double-up (saying what was recorded twice, when the message does), or None."""
    if _NOT_TO_DO.search(s.text) or re.search(r"\b(?:removed|deleted)\b", s.low):
        return None
    if not (_ONE_OF_A_PAIR.search(s.text) or (_TWICE.search(s.text) and re.search(r"\b(?:delete|remove|get\s+rid)", s.low))):
        return None
    twice = _TWICE.search(s.text)
    slots: dict[str, object] = {"which": "duplicate"}
    if twice:
        what = re.sub(r"^(?:(?:um+|uh+|so|ok(?:ay)?|i\s+think|i\s+reckon|pretty\s+sure)\s+)+(?:the\s+|my\s+|our\s+)?", "",
                      (twice["what"] or twice["what2"]).strip(), flags=re.IGNORECASE)
        dates = [d for d in find_dates(s.text, s.today, "past")  # "this fortnight" is no one day
                 if not re.match(r"(?:this|last)\s+(?:week|fortnight|month|year)", d.text, re.IGNORECASE)]
        for d in dates:  # "yesterday's fill up went in twice": the day says which
            what = what.replace(d.text, "")
        slots["what"] = re.sub(r"^'?s\b|\s+", " ", what).strip(" '")
        if dates:
            slots["date"] = dates[0].date
        if re.search(r"\bfill(?:-?\s?up)?s?\b", what, re.IGNORECASE):
            slots["category"], slots["what"] = "fuel", re.sub(r"\bfill(?:-?\s?up)?s?\b", "", slots["what"]).strip()
    return Intent("remove_expense", 0.9, slots)


# "oops, that was meant for my mate's log, undo it please": the undo after the reason for it.
_UNDO_AT_END = re.compile(
    r"[,.;!-]\s*(?:so\s+|just\s+|(?:can|could|would|will)\s+you\s+|please\s+|kindly\s+)*(?:undo|remove|delete|scrap|bin|take\s+out)\s+"
    r"(?:it|that|this)(?:\s+(?:out|off))?(?:[\s,]+(?:please|pls|thanks|again))*\s*[.!?]*$",
    re.IGNORECASE,
)


def undo_at_end(s: Sentence) -> Intent | None:
    """undo when a message ends by asking to take back what was just done, or None."""
    return Intent("undo", 0.9) if _UNDO_AT_END.search(s.text) else None


# "delete the fill-up from yesterday", "remove the diesel fill up from tuesday", "delete my last fill-up", "delete the
# oil change from the maintenance log": a fill-up or paid work, found by the expense it owns.
_REMOVE_VEHICLE_RECORD = re.compile(
    r"^(?:(?:oops|ok(?:ay)?|so|oh|please|pls|actually|sorry|can\s+you|could\s+you|just)[\s,]+)*"
    r"(?:delete|remove|erase|scrap|bin|ditch|get\s+rid\s+of|take\s+out|wipe)\s+(?:(?P<det>the|that|my|our|this)\s+)?"
    r"(?P<latest>(?:last|latest|most\s+recent)\s+)?(?P<what>[\w$.'& -]{0,30}?)\s*"
    r"(?:(?P<fill>fill-?\s?ups?|refuel(?:ling)?|fuel\s+(?:entry|record|stop))"
    r"|(?P<work>(?:maintenance|service)\s+(?:record|entry|job))"
    r"|(?:\s+(?:record|entry))?\s+(?:from|in|out\s+of)\s+(?:the|my|our)\s+(?P<log>maintenance|service|fuel)\s+"
    r"(?:log|records?|history))\b",
    re.IGNORECASE,
)


def remove_vehicle_record(s: Sentence) -> Intent | None:
    """remove_expense of a fill-up or of paid work on the vehicle (what it was, its date, or the latest), or None."""
    m = _REMOVE_VEHICLE_RECORD.match(s.text)
    if m is None or _NOT_TO_DO.search(s.text):
        return None
    category = "fuel" if m["fill"] or (m["log"] or "").lower() == "fuel" else "maintenance"
    dates = [d for d in s.past_dates if d.start >= m.start("what")]
    what = m["what"]
    for d in dates:  # "yesterday's fill-up": the day is no part of what it was
        what = what.replace(d.text, "")
    what = re.sub(r"^'s\b|\s+", " ", what).strip(" -")
    if (m["det"] or "").lower() in ("that", "this") and not (what or dates or m["latest"]):
        return None  # "delete that fill-up": the one just logged, which undo takes back
    slots: dict[str, object] = {"which": what, "category": category, "latest": bool(m["latest"])}
    if dates:
        slots["date"] = dates[0].date
    return Intent("remove_expense", 0.9, slots)
