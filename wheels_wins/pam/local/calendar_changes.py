"""Calendar entries changed by naming them: "cancel the vet appointment, we sorted it", "push the mechanic booking
back a day", "move the dentist to friday at 2pm"."""

from __future__ import annotations

import datetime as dt
import re

from wheels_wins.pam.local.date_words import COUNT_RE, count_of
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.normalise import sentences
from wheels_wins.pam.local.sentence import Intent, Sentence
from wheels_wins.pam.local.times import find_time

_LEAD = r"^(?:(?:actually|oh|ok(?:ay)?|so|and|please|pls|can\s+you|could\s+you)[\s,]+)*"
_EVENT = r"(?:appointment|appt|booking|reminder|event|meeting|catch[\s-]?up)"
# What "cancel" is said of that is no calendar entry: "cancel my netflix subscription"
_NOT_AN_ENTRY = re.compile(r"\b(?:subscription|insurance|membership|policy|order|account|plan|card|payment|direct\s+debit)\b",
                           re.IGNORECASE)
# "cancel the vet appointment", "call off the bbq": an entry named by what it is
_CANCEL = re.compile(
    _LEAD + r"(?:(?P<cancel>cancel|call\s+off)|delete|remove|scrap|drop|bin|get\s+rid\s+of)\s+(?:(?:the|my|our)\s+)?"
    r"(?P<what>[\w'& -]{2,40}?)(?P<noun>\s+" + _EVENT + r")?(?P<on>\s+(?:for|on)\s+[\w ]+?)?\s*(?:[,.;!]|$)",
    re.IGNORECASE,
)
# "push the mechanic booking back a day", "bring the dentist forward a week", "move the vet to friday"
_MOVE = re.compile(
    _LEAD + r"(?:push|move|shift|bring|pull|bump|change|reschedule)\s+(?:(?:the|my|our)\s+)?(?P<what>[\w'& -]{2,40}?)"
    r"(?P<noun>\s+" + _EVENT + r")?\s+(?:(?P<way>back|forward|out|ahead)\s+(?:by\s+)?(?P<n>" + COUNT_RE + r")\s+"
    r"(?P<unit>days?|weeks?)|(?P<n2>" + COUNT_RE + r")\s+(?P<unit2>days?|weeks?)\s+(?P<way2>later|earlier|sooner)|"
    r"(?:(?:back|forward|out|ahead|over)\s+)?(?:to|till|until|for)\s+(?P<when>[^,;.!]+?))(?:\s+than\s+(?:(?:it'?s|it\s+is|it\s+was|we\s+had\s+it)\s+)?(?:now|planned|booked|set|scheduled)?(?:\s+for)?"
    r"(?:\s+now)?)?"
    r"\s*(?:[,;.!?].*)?$",  # "…, the gas fitter is away": a reason after
    re.IGNORECASE,
)
_NOT_EVENTS = re.compile(
    r"\b(?:expense|purchase|fill-?\s?up|trip|stop|post|budget|income|payment|one|it|that|this|entry|calendar|diary)\b|"
    r"\$|\d",
    re.IGNORECASE,
)


# "Kite Studio has cancelled tomorrow's call, so please take it off my calendar"
_CANCELLED_BY = re.compile(
    r"^(?P<who>[\w'& -]{2,40}?)\s+(?:has\s+|have\s+|just\s+)*(?:cancell?ed|called\s+off)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?P<what>[\w'& -]{2,40}?)\s*[,.;]\s*(?:so\s+)?(?:(?:can|could)\s+you\s+|please\s+)*"
    r"(?:take\s+it\s+off|remove\s+it|delete\s+it|cancel\s+it|get\s+rid\s+of\s+it|take\s+it\s+out)\b",
    re.IGNORECASE,
)


def cancel_event(s: Sentence) -> Intent | None:
    """cancel_event naming the entry, or None (a purchase, trip or post to delete is another rule's)."""
    told = _CANCELLED_BY.match(s.text)
    if told:
        what = re.sub(r"^(\w+)'s\b", r"\1", told["what"])  # "tomorrow's call": the day says which
        what = re.sub(r"^(?:their|his|her|its|our|my)\s+", "", what, flags=re.IGNORECASE)
        who = re.sub(r"^(?:the|my|our)\s+", "", told["who"], flags=re.IGNORECASE)
        return cancel_event(Sentence(f"cancel the {who} {what}", s.today))
    m = _CANCEL.match(s.text)
    if m is None or not (m["cancel"] or m["noun"]) or _NOT_AN_ENTRY.search(m["what"]) or _NOT_EVENTS.search(m["what"]):
        return None
    title, slots = m["what"] + (m["noun"] or ""), {}
    dates = find_dates(title, s.today, "future")
    on = find_dates(m["on"], s.today, "future") if m["on"] and not dates else []
    if dates:  # "cancel the dentist thing tmrw": the day says which
        title, slots = title[: dates[0].start] + title[dates[0].end :], {"date": dates[0].date}
    elif on:  # "cancel the dentist on friday"
        slots = {"date": on[0].date}
    title = re.sub(r"\bthing\b", " ", title, flags=re.IGNORECASE)
    if not title.strip():
        return None
    return Intent("cancel_event", 0.9, {"title": " ".join(title.split()), **slots})


# "The Harbour Analytics call needs to move to the following day": the entry first, then that it moves
_NEEDS_MOVING = re.compile(
    r"^(?:the\s+|my\s+|our\s+)(?P<what>[\w'& -]{2,40}?)\s+(?:needs|has|have)\s+to\s+(?:be\s+)?"
    r"(?P<verb>move|moved|push(?:ed)?|shift(?:ed)?|brought|bring|pulled|pull)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# "to the following day", "to the day before": a day either side of the entry's own
_NEXT_DAY = re.compile(r"\s+(?:to\s+)?the\s+(?:following|next)\s+day\b|\s+(?:to\s+)?the\s+day\s+after\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\s+(?:to\s+)?the\s+(?:previous\s+day|day\s+before)\b", re.IGNORECASE)


def move_event(s: Sentence) -> Intent | None:
    """move_event with the entry's words and by how many days, or to which day and time; None otherwise."""
    needs = _NEEDS_MOVING.match(s.text)
    if needs:
        verb = {"moved": "move", "pushed": "push", "shifted": "shift", "brought": "bring", "pulled": "pull"}.get(
            needs["verb"].lower(), needs["verb"])
        return move_event(Sentence(f"{verb} the {needs['what']}{needs['rest']}", s.today))
    text = _DAY_BEFORE.sub(" forward a day", _NEXT_DAY.sub(" back a day", s.text))
    if text != s.text:
        s = Sentence(text, s.today)
    m = _MOVE.match(s.text)
    if m is None or _NOT_EVENTS.search(m["what"]):
        return None
    slots: dict[str, object] = {"title": (m["what"] + (m["noun"] or "")).strip()}
    if m["n"] or m["n2"]:  # "back a day", "forward a week", "one day later"
        unit, way = (m["unit"] or m["unit2"]).lower(), (m["way"] or m["way2"]).lower()
        days = count_of(m["n"] or m["n2"]) * (7 if unit.startswith("week") else 1)
        slots["days"] = -days if way in ("forward", "ahead", "earlier", "sooner") else days
    else:
        said_when = re.sub(r"\s*,?\s*(?:on\s+)?(?:the\s+same\s+day|same\s+day|that\s+day|on\s+the\s+day)\b", "", m["when"],
                           flags=re.IGNORECASE)  # "to 3pm the same day": only the time changes
        when = Sentence(said_when, s.today)
        dates, time = when.future_dates, find_time(said_when)
        said = sum(x.end - x.start for x in ([dates[0]] if dates else []) + ([time] if time else []))
        if not (dates or time) or (dates and dates[0].date < s.today) or said < len(said_when.strip()) - 4:
            return None  # "change the caravan park to yesterday", "bring the dog to the vet on saturday": no entry
        slots |= {**({"date": dates[0].date} if dates else {}), **({"time": time.time} if time else {})}
    return Intent("move_event", 0.9, slots)


# "need to move the tyre fitting", "can you reschedule the dentist?": the entry, with when to left to ask
_MOVE_WHEN_UNSAID = re.compile(
    _LEAD + r"(?:(?:i|we)\s+)?(?:(?:need|want|have|got|would\s+like)\s+to\s+|gotta\s+)?"
    r"(?:move|shift|reschedule|re-?book|push\s+back|change\s+the\s+(?:time|date|day)\s+(?:of|for))\s+"
    r"(?:(?:the|my|our)\s+)?(?P<what>[\w'& -]{2,40}?)(?P<noun>\s+" + _EVENT + r")?(?:\s+(?:back|out))?\s*[?.!]*"
    r"(?:\s*[,;-]\s*(?!(?:to|till|until|by|back|forward)\b)[^?]*)?$",  # "…, the clinic's short-staffed": a reason after
    re.IGNORECASE,
)
# What is moved that is no calendar entry: "I need to move the van", "move some money to savings"
_NOT_MOVED_ENTRY = re.compile(
    r"\b(?:van|caravan|car|ute|truck|rig|boat|camper|motorhome|money|funds|savings|stuff|things|bikes?|furniture|tent|"
    r"house|site|spot|bay|chairs?|table|fridge|awning|kids?|dogs?|cats?|seats?|beds?|boxes|bags?|gear|on|along|over|"
    r"it|that|this|them)\b|\bto\b",
    re.IGNORECASE,
)
# "push it back 2 days", "make it friday": the answer's own verb, said of the entry asked about
_ANSWER_VERB = re.compile(
    r"^(?:(?:um+|uh+|ok(?:ay)?|so|just|please|pls|can\s+you|could\s+you)[\s,]+)*"
    r"(?:(?:push|move|shift|bring|pull|bump|make|change|put)\s+(?:it|that|them|this)\s+)?",
    re.IGNORECASE,
)


# "The gas fitter just rang and he can come sooner than planned, move him to tomorrow please": who "him" is
_WHO_THEN_MOVE = re.compile(
    r"^(?:the|my|our)\s+(?P<who>[\w' -]{2,30}?)\s+(?:just\s+|has\s+)?(?:rang|called|phoned|texted|emailed|messaged|said|"
    r"can(?:'t|not)?|is|has|wants)\b.*?[,;.]\s*(?:so\s+)?(?:can\s+you\s+|please\s+)?(?P<verb>move|push|shift|bring|change|"
    r"reschedule|put)\s+(?:him|her|them|it)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


def move_pronoun(s: Sentence) -> Intent | None:
    """move_event of the entry an earlier clause names when the move says "him", "her" or "it"; None otherwise."""
    m = _WHO_THEN_MOVE.match(s.text)
    return move_event(Sentence(f"{m['verb']} the {m['who']}{m['rest']}", s.today)) if m else None


def move_event_unsaid(s: Sentence) -> Intent | None:
    """move_event naming the entry but not yet when to (PAM asks), or None."""
    m = _MOVE_WHEN_UNSAID.match(s.text)
    if m is None or _NOT_EVENTS.search(m["what"]) or _NOT_MOVED_ENTRY.search(m["what"]):
        return None
    return Intent("move_event", 0.9, {"title": (m["what"] + (m["noun"] or "")).strip()})


# "My rego is actually due two days earlier than I put in. Please move the rego renewal reminder."
_SHIFT_SAID = re.compile(r"\b(?P<n>" + COUNT_RE + r")\s+(?P<unit>days?|weeks?)\s+(?P<way>earlier|later|sooner)\b", re.IGNORECASE)


def move_said_before(s: Sentence) -> Intent | None:
    """move_event whose shift a sentence before the request gives ("… due two days earlier than I put in. Please move
    the rego renewal reminder."), or None."""
    *before, last = sentences(s.text.strip())
    shift = _SHIFT_SAID.search(" ".join(before)) if before else None
    asked = move_event_unsaid(Sentence(last, s.today)) if shift else None
    moved = move_answer(str(asked.slots["title"]), shift[0], s.today) if shift and asked else None
    return Intent("move_event", 0.9, {**asked.slots, **moved}) if asked and moved else None


def move_answer(title: str, answer: str, today: dt.date) -> dict[str, object] | None:
    """The days, date or time an answer to "When should it move to?" gives ("2 days later", "friday at 2pm")."""
    said = _ANSWER_VERB.sub("", answer.strip())
    said = re.sub(r"[\s,]*\b(?:instead|please|pls|thanks|thank\s+you|if\s+(?:you\s+)?can)\b[\s,.!]*", " ", said, flags=re.IGNORECASE)
    said = said.strip(" ,.!")
    for asked in (f"move the {title} {said}", f"move the {title} to {said}"):
        found = move_event(Sentence(asked, today))
        if found:
            return {k: v for k, v in found.slots.items() if k != "title"}
    return None


_CALENDAR = r"(?:calendar|diary|schedule|planner)"
_WHAT = r"(?:the\s+|my\s+|our\s+)?(?P<{}>[\w'& -]{{2,40}}?)"
# "theres 2 of the parcel pickup in my calendar", "the dentist is in the diary twice", "I put the vet in the
# calendar twice", "delete the duplicate parcel pickup from my calendar"
_DOUBLE_ENTRY = re.compile(
    r"\bthere(?:'?s|\s+is|\s+are)\s+(?:two|2)\s+(?:of\s+)?" + _WHAT.format("what") + r"(?:\s+(?:entries|ones))?\s+(?:in|on)\s+"
    r"(?:my|the|our)\s+" + _CALENDAR + r"|"
    r"(?:^|[,.;]\s*)" + _WHAT.format("what2") + r"\s+(?:is|are|went|got\s+put|was\s+put)\s+(?:in|on|into)\s+(?:my|the|our)\s+"
    + _CALENDAR + r"\s+(?:twice|two\s+times|double)|"
    r"\b(?:put|added|entered|have|got)\s+" + _WHAT.format("what3") + r"\s+(?:in|on|into)\s+(?:my|the|our)\s+" + _CALENDAR
    + r"\s+(?:twice|two\s+times|double)|"
    r"\b(?:duplicate|double|extra|second)\s+" + _WHAT.format("what4") + r"\s+(?:in|on|from)\s+(?:my|the|our)\s+" + _CALENDAR,
    re.IGNORECASE,
)
_GO = re.compile(r"\b(?:delete|remove|get\s+rid|scrap|bin|drop|ditch|cancel|lose|kill|take\s+(?:out|off))\b", re.IGNORECASE)


def double_entry(s: Sentence) -> Intent | None:
    """cancel_event of the newer copy of an entry put in the calendar twice, or None."""
    m = _DOUBLE_ENTRY.search(s.text)
    if m is None or not _GO.search(s.text):
        return None
    if re.search(r"\b(?:don'?t|do\s+not|should\s+i)\b", s.low):  # "… should I delete one?": the calendar, to look
        return Intent("upcoming_events", 0.8)
    what = next(m[g] for g in ("what", "what2", "what3", "what4") if m[g])
    what = re.sub(r"^(?:(?:um+|uh+|so|ok(?:ay)?|i\s+think)\s+)+(?:the\s+|my\s+|our\s+)?", "", what.strip(), flags=re.I)
    if _NOT_EVENTS.search(what):
        return None
    return Intent("cancel_event", 0.9, {"title": what, "duplicate": True})
