"""Small talk, corrections ("actually make that $35", "it was 55 litres", "push it back a day") and undo."""

from __future__ import annotations

import re
from typing import Any

from wheels_wins.pam.local import entities, kind_switch, place_names
from wheels_wins.pam.local.amounts import (
    parse_money,
)
from wheels_wins.pam.local.date_words import UNIT_DAYS, count_of
from wheels_wins.pam.local.dates import DateMention
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of, words
from wheels_wins.pam.local.times import find_time

_CLAUSE_SPLIT = re.compile(r"[,.!?;:]+")
_GREETING = re.compile(
    r"^(?:(?:hey|hi|hello|hiya|howdy|g'?day|gday|yo|oi|greetings|good\s+(?:morning|afternoon|evening|day)|morning|"
    r"evening|afternoon|arvo)(?:\s+(?:there|pam|mate|everyone|all|again|to\s+you|buddy|friend))*|"
    r"how\s+(?:are|r)\s+(?:you|ya|u)(?:\s+(?:going|doing|today|pam|mate|travelling|traveling))*|"
    r"how(?:'s|\s+is)\s+(?:it|things)\s+going(?:\s+(?:pam|mate))?|how\s+ya\s+going|how\s+are\s+things|what'?s\s+up|"
    r"sup|pam|nice\s+to\s+meet\s+you|how\s+do\s+you\s+do)$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^(?:(?:thanks|thank\s+you|thankyou|thx|ty|ta|cheers|many\s+thanks|much\s+appreciated|appreciate\s+(?:it|that)|"
    r"good\s+(?:job|work|on\s+ya|one)|nice(?:\s+one)?|great|awesome|perfect|brilliant|lovely|legend|"
    r"you(?:'re|\s+are)\s+(?:a\s+|the\s+)?(?:legend|star|gem|champ|best)|champion|beauty|bonza|no\s+worries|all\s+good|"
    r"ok(?:ay)?|cool|sweet|excellent|wonderful|fantastic|too\s+easy|got\s+it|noted|great\s+stuff|that'?s\s+(?:great|perfect|"
    r"awesome|brilliant|lovely|all)|done|nice\s+work|well\s+done)"
    r"(?:\s+(?:so\s+much|heaps|a\s+lot|a\s+bunch|mate|pam|very\s+much|again|for\s+that|for\s+(?:the|your|all\s+the)\s+help|"
    r"for\s+helping|thanks|thank\s+you|cheers|ta|buddy|love))*)$",
    re.IGNORECASE,
)
HELP = re.compile(
    r"^(?:help|help\s+me|halp|i\s+need\s+(?:some\s+)?help|what\s+can\s+(?:you|i)\s+(?:do|ask|say)(?:\s+(?:for\s+me|here|you|"
    r"with\s+you|pam))*|what\s+(?:do|can)\s+you\s+(?:do|help(?:\s+me)?\s+with)|how\s+do\s+(?:i\s+use\s+(?:you|this|pam|the\s+app)|"
    r"you\s+work)|how\s+does\s+(?:this|it|pam|the\s+app)\s+work|who\s+are\s+you|what\s+are\s+you|"
    r"what\s+are\s+your\s+(?:features|skills|commands|abilities)|(?:list\s+|show\s+me\s+)?(?:commands|options|features)|"
    r"what\s+can\s+pam\s+do|instructions|how\s+can\s+you\s+help(?:\s+me)?|what\s+(?:sort|kind)s?\s+of\s+things\s+can\s+you\s+do|"
    r"what\s+are\s+you\s+able\s+to\s+do|what\s+should\s+i\s+ask(?:\s+you)?)$",
    re.IGNORECASE,
)


def small_talk(raw: str) -> Intent | None:
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(raw.lower()) if c.strip()]
    if not clauses:
        return None
    kinds = []
    for clause in clauses:
        clause = re.sub(r"\s+", " ", clause)
        if _GREETING.match(clause):
            kinds.append("greeting")
        elif _THANKS.match(clause):
            kinds.append("thanks")
        elif HELP.match(clause):
            kinds.append("help")
        else:
            return None
    name = next(n for n in ("help", "thanks", "greeting") if n in kinds)
    acknowledgement = all(c in ("ok", "okay", "cool", "done", "noted", "got it") for c in clauses)
    return Intent(name, 0.6 if acknowledgement else 0.95)


_CUE = (
    r"(?:actually|on\s+second\s+thoughts?|(?:(?:please\s+)?note\s+(?:that\s+)?)?i\s+(?:had|got)\s+(?:that|it)\s+wrong|(?:i\s+)?beg\s+your\s+pardon|"
    r"second\s+thoughts|no+|nah|nope|oops|whoops|sorry|wait|hang\s+on|hold\s+on|correction|my\s+bad|my\s+mistake|oh|er+|um+|"
    r"hmm+|i\s+mean|scratch\s+that|ah+|argh|dammit|damn|never\s*mind|(?:i\s+)?(?:do\s+)?apologi[sz]e|my\s+apologies|"
    r"apologies|pardon(?:\s+me)?|excuse\s+me|wrong\s+(?:category|amount|date|price|total|day|one)|"
    r"(?:the\s+)?(?:date|amount|category|price|total|day)(?:'s|\s+is|\s+was)\s+wrong)"
)
_CUE_LEAD = re.compile(r"^" + _CUE + r"\b[\s,.!:;-]*", re.IGNORECASE)


def starts_with_cue(text: str) -> bool:
    """Whether `text` opens like a correction ("actually", "sorry", "no,", "wait")."""
    return bool(_CUE_LEAD.match(text.strip()))


def without_cue(text: str) -> str:
    """`text` without the correction cue it opens with ("actually, add Mount Gambier" → "add Mount Gambier")."""
    return _CUE_LEAD.sub("", text.strip(), count=1)


_CHANGE = re.compile(
    r"^(?:make|change|update|edit|fix|set|correct|amend|adjust|switch|put|alter|move|file|class|classify|"
    r"(?:re)?categori[sz]e|tag|mark|count|book)\s+(?:that|it|this|"
    r"the\s+(?:last|amount|price|cost|total|date|category|merchant|description|figure|number)(?:\s+(?:one|expense|entry|amount|"
    r"one\s+i\s+(?:added|logged)))?|my\s+last\s+(?:one|expense|entry))\b",
    re.IGNORECASE,
)
_IT_WAS = re.compile(
    r"^(?:(?:fix|change|correct)\s+)?the\s+[\w'-]+(?:\s+[\w'-]+)?\s+one\b[\s,]*(?:was|is|should\s+be|cost|,\s*it\s+was)\b|"
    r"^(?:it|that|this|the\s+(?:(?:correct|right|real|actual)\s+)?(?:amount|total|price|cost|last\s+one|bill|expense|date|"
    r"figure|number|litres))\s*(?:'s|\s+was|\s+is|\s+were|"
    r"\s+should\s+(?:be|have\s+been|read)|\s+ought\s+to\s+be|\s+came\s+to|\s+actually\s+(?:was|cost))\b",
    re.IGNORECASE,
)
_SHIFT_DAYS = re.compile(
    r"\b(?:push|move|put|shift|bump|bring)\s+(?:it|that|this)\s+(?P<dir>back|forward|later|earlier|out)\s+(?:by\s+)?"
    r"(?:another\s+|a\s+further\s+|an\s+extra\s+)?"
    r"(?P<n>an?|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?|fortnights?)\b",
    re.IGNORECASE,
)
# "it was the day before", "two days earlier": a date said relative to the record's own.
_DAYS_OFF = re.compile(
    r"\b(?:the\s+day\s+(?P<side>before|after)|(?P<n>an?|one|two|three|four|five|six|seven|\d)\s+days?\s+"
    r"(?P<dir>earlier|later|before|after|sooner))\b(?!\s+(?:yesterday|tomorrow|today|the|my|our|we|i)\b)",
    re.IGNORECASE,
)
_IT_WAS_LATE = re.compile(
    r"^(?:[^,;:]{3,120}[,;:-]\s*)+?(?:so\s+|and\s+)?(?P<said>(?:it|that)\s+(?:was|is|were|should\s+(?:be|have\s+been))\b|"
    r"(?:make|change)\s+(?:it|that)\b)",
    re.IGNORECASE,
)
_MEANT = re.compile(
    r"^(?:should\s+(?:be|have\s+been)|(?:i\s+)?should(?:'?ve|\s+have)\s+(?:said|been|put|written)|i\s+meant|meant|"
    r"i\s+mean|it'?s\s+meant\s+to\s+be)\b",
    re.IGNORECASE,
)
_SPEND_VERB = re.compile(
    words("spent|spend|paid|bought|add|log|record|purchased|got"),
    re.IGNORECASE,
)


_LITRES_WERE = re.compile(
    r"\b(?:litres?|liters?|ltrs?)\s+(?:was|were|is|are|should\s+(?:be|have\s+been))\s*$", re.IGNORECASE
)
_WAS_NOT = re.compile(r"\b(?:not|instead\s+of|rather\s+than)\s*$", re.IGNORECASE)


# "and it was yesterday" adds to a correction; "and 2 coffees $9" is something new.
_AND_ALSO = re.compile(
    r"^(?:and|also|oh\s+and|plus)\s+(?=(?:it|that|this|the\s+\w+)(?:'s|\s+(?:was|is|were|should))|make\s|change\s|move\s)",
    re.IGNORECASE,
)


# A day of the month said alone ("the 12th", "on the 3rd"): which month is the record's own.
_DAY_ONLY = re.compile(r"^(?:on\s+|by\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)
_ROUTE_SAID = re.compile(
    r"^(?:(?:i\s+)?mean(?:t)?\s+|(?:it|that)\s+should\s+(?:be|have\s+been)\s+|make\s+it\s+)?"
    r"(?:from\s+)?(?P<route>[\w' .-]+?\s+(?:to|->|→)\s+[\w' .,-]+)$",
    re.IGNORECASE,
)


def _route_meant(text: str) -> list[str] | None:
    """The places of a route given as a correction ("I meant Cairns to Mackay"), or None."""
    m = _ROUTE_SAID.match(text.strip(" .!?"))
    if m is None or category_of(m["route"]) or re.search(r"[$\d]", m["route"]):  # "groceries to dining", "$35 to …"
        return None
    found = place_names.places(m["route"])
    return found if len(found) >= 2 else None


_PUT_SOMEWHERE = re.compile(
    r"^(?:put|post|share|stick|pop)\s+(?:this|that|it)\s+(?:up\s+)?(?:on|in|to|onto)\s+(?:the\s+)?"
    r"(?:community|feed|forum|board|wall|group|socials?|calendar|diary)\b",
    re.IGNORECASE,
)


def _meant(dates: list[DateMention], text: str) -> DateMention:
    """The date a correction means: not the one it rejects ("not yesterday. Today")."""
    kept = [d for d in dates if not _WAS_NOT.search(text[: d.start])]
    return kept[0] if kept else dates[0]


_READING_WAS = re.compile(
    r"^(?:and\s+)?(?:the\s+)?(?:odo(?:meter)?|clock|km|kms|kilomet(?:re|er)s?|litres?|liters?)\s+(?:was|were|is|read|reads|"
    r"said|showed|at)\b",
    re.IGNORECASE,
)
_SHOULD_BE_NOT = re.compile(
    r"\b(?:should\s+(?:have\s+)?be(?:en)?|was\s+(?:actually|really)|meant\s+to\s+be)\s+\$?\d[\d,.]*\s+not\s+\$?\d", re.I
)
_NEW_REQUEST = re.compile(
    r"^(?:remind\s+(?:me|us)|set\s+(?:up\s+)?(?:a\s+)?reminder|(?:please\s+)?(?:post|show|open|take\s+me|go\s+to)\b|"
    r"(?:log|add|record)\s+(?!(?:it|that|this)\b))",
    re.IGNORECASE,
)


def correction(s: Sentence) -> Intent | None:
    if _UNDO.match(s.text) or _PUT_SOMEWHERE.match(s.text):  # "that's wrong, remove it", "put this on the feed: …"
        return None
    rest, had_cue = _AND_ALSO.sub("", s.text), False
    while True:
        m = _CUE_LEAD.match(rest)
        if not m or not m.group(0):
            break
        rest, had_cue = rest[m.end() :], True
    switch_said = had_cue or _IT_WAS.match(rest) or _MEANT.match(rest) or kind_switch.said_plainly(rest, had_cue)
    switched = kind_switch.kind_switch(rest, s.today, had_cue) if switch_said else None
    if switched:
        return switched
    if had_cue and _NEW_REQUEST.match(rest):  # "wait, remind me to call mum tomorrow": a request after the cue
        return None
    low = rest.lower()
    late = _IT_WAS_LATE.search(rest) if had_cue else None  # "sorry, I misread the pump, it was 56 litres"
    said_first = rest[: late.start("said")] if late else ""  # "put that under entertainment, it was trivia night"
    if late:
        rest = rest[late.start("said") :]
    strong = bool(
        _CHANGE.match(rest) or _IT_WAS.match(rest) or _MEANT.match(rest) or _SHIFT_DAYS.match(rest)
        or re.match(r"\s*-\s*\w", rest)  # "put that under groceries", reduced by `normalise` to " - groceries"
        or _READING_WAS.match(rest)  # "odometer was 131,870 km", said after a fill-up
        or _SHOULD_BE_NOT.search(rest)  # "I typo'd yesterday's diesel expense, it should be $29 not $92"
    )
    route = _route_meant(rest) if (strong or had_cue) else None
    if route:  # "sorry, I meant Cairns to Mackay": the trip just planned, planned again
        return Intent("correction", 0.9, {"places": route})
    sub = Sentence(rest, s.today)
    has_value = bool(sub.money or sub.past_dates or sub.category or sub.quantities or find_time(rest))  # "nah 3:30 not 2:30"
    short = len(low.split()) <= 6
    not_x = re.search(r"\bnot\s+(?:\$|\d)", low) is not None and len(sub.money) >= 2
    if not (strong or (had_cue and short and has_value and not _SPEND_VERB.search(low)) or (not_x and short)):
        return None
    slots: dict[str, Any] = {}
    chosen = sub.amount
    if chosen and not chosen.explicit and sub.quantities and _WAS_NOT.search(rest[: chosen.start]):
        chosen = None  # "it was 56 litres not 65": the old reading, not an amount of money
    if chosen and _LITRES_WERE.search(rest[: chosen.start]):  # "sorry the litres was 68, not 58"
        slots["litres"], chosen = chosen.amount, None
    if chosen:
        slots["amount"] = chosen.amount
        others = [m for m in sub.money if m is not chosen]
        if others:
            slots["old_amount"] = others[0].amount
    off = _DAYS_OFF.search(rest)
    if off and all(off.start() <= d.start and d.end <= off.end() for d in sub.past_dates + sub.future_dates):
        days = count_of(off["n"]) if off["n"] else 1  # "no wait, it was the day before": from the record's date
        slots["shift_days"] = -days if (off["side"] or off["dir"]).lower() in ("before", "earlier", "sooner") else days
    elif sub.past_dates:
        slots["date"] = _meant(sub.past_dates, rest).date
    if (
        sub.future_dates and "shift_days" not in slots
    ):  # a calendar entry moves forward: "make it Friday" is the coming one there
        slots["future_date"] = _meant(sub.future_dates, rest).date
    said_dates = sub.past_dates or sub.future_dates
    day = _DAY_ONLY.match(_meant(said_dates, rest).text) if said_dates else None
    if day:  # "it's the 12th not the 10th": that day of the record's own month
        slots["day_of_month"] = int(day["d"])
    for kind, slot in (("litres", "litres"), ("odometer", "odometer_km"), ("km", "odometer_km")):
        reading = next((q.value for q in sub.quantities if q.kind == kind), None)
        if reading is not None and slot not in slots and (kind != "km" or reading >= 1000):
            slots[slot] = reading
    time = find_time(rest)
    if time is not None:
        slots["time"] = time.time
    shift = _SHIFT_DAYS.search(rest)
    if shift:  # "push it back a day", "bring it forward two days"
        days = count_of(shift["n"]) * UNIT_DAYS[shift["unit"].lower().rstrip("s")]
        slots["shift_days"] = -days if shift["dir"].lower() in ("forward", "earlier") else days
        for said in ("date", "future_date", "day_of_month"):  # "…, they're closed tomorrow": a reason, not the day
            slots.pop(said, None)
    # "that was for snacks, put it under dining": the category the change names wins over what it was for.
    target = re.search(
        r"\b(?:under|to|as|into|in)\s+(?:the\s+)?(?P<what>[\w' -]{3,30}?)(?:\s+(?:category|instead))?[\s.!]*$",
        rest,
        re.IGNORECASE,
    )
    filed = _FILED_UNDER.search(said_first)
    category = (category_of(filed["what"]) if filed else None) or (category_of(target["what"]) if target else None)
    unsaid = re.sub(r"\b(?:not|instead\s+of|rather\s+than)\s+(?:an?\s+|the\s+)?[\w'-]+", " ", rest, flags=re.I)
    category = category or category_of(unsaid) or category_of(rest)  # "for restaurant not groceries": dining
    if category:
        slots["category"] = category
    merchant = entities.merchant(rest, sub.money_spans() + [(d.start, d.end) for d in sub.past_dates])
    if merchant:
        slots["merchant"] = merchant
    if not slots and not strong:
        return None
    return Intent("correction", 0.9 if slots else 0.6, slots)


_FILED_UNDER = re.compile(
    r"\b(?:put|file|move|log|change|switch|make)\s+(?:it|that|this)\s+(?:under|to|as|into|in)\s+(?:the\s+)?(?P<what>[\w' -]{3,30}?)"
    r"(?:\s+(?:category|instead))?[\s,.;!-]*$",
    re.IGNORECASE,
)
_UNDO = re.compile(
    r"^(?:"
    + _CUE
    + r"\b[\s,.!:;-]*)*(?:(?:please|kindly|just|(?:can|could|would|will)\s+you)\s+)*(?:undo|scratch\s+that|scrap\s+(?:that|it|this)|cancel\s+(?:that|it|this|the\s+last|my\s+last)|"
    r"(?:delete|remove|erase|drop|bin|ditch|kill)\s+(?:that|it|this|(?:the|my)\s+last|last)|take\s+(?:that|it)\s+back|"
    r"revert|reverse\s+(?:that|it)|roll\s+(?:that|it)\s+back|get\s+rid\s+of\s+(?:that|it|the\s+last|my\s+last)|"
    r"(?:put|change|set|switch)\s+(?:it|that)\s+back\s+(?:how|the\s+way|as|to\s+how|to\s+what)\s+it\s+was|"
    r"forget\s+(?:that|i\s+said\s+that)|don'?t\s+(?:log|add|record|save|keep)\s+(?:that|it)|"
    r"that\s+was\s+(?:a\s+)?(?:mistake|wrong|an\s+error)|that'?s\s+(?:wrong|not\s+right|a\s+mistake|incorrect)"
    r"(?=[\s,.;:-]+(?:remove|delete|undo|scrap|bin|drop|get\s+rid|take\s+it\s+(?:out|back)|cancel))|"
    r"wrong\s+one|oops\s+undo)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_UNDO_KINDS = [
    (
        re.compile(words("expenses?|purchases?|spend|spending"), re.IGNORECASE),
        "expense",
    ),
    (re.compile(words("income|earnings?|payment"), re.IGNORECASE), "income"),
    (re.compile(words("fuel|fill(?:-?\\s?up)?|refuel"), re.IGNORECASE), "fuel"),
    (
        re.compile(words("maintenance|service|oil change"), re.IGNORECASE),
        "maintenance",
    ),
    (re.compile(words("trips?|routes?"), re.IGNORECASE), "trip"),
    (
        re.compile(words("events?|reminders?|appointments?"), re.IGNORECASE),
        "calendar",
    ),
    (re.compile(words("posts?"), re.IGNORECASE), "post"),
    (re.compile(words("budgets?"), re.IGNORECASE), "budget"),
]


# What "undo the …" says of everything just done, not of one purchase: "the last thing", "the lot", "the changes"
_ALL_OF_IT = re.compile(r"(?:last|latest|previous|whole|lot|everything|change|changes|thing|things|entry|entries|record|"
                        r"records|last\s+\w+)\b", re.IGNORECASE)


def undo(s: Sentence) -> Intent | None:
    m = _UNDO.match(s.text)
    if not m:
        return None
    rest = re.split(r"[,;.]|\s[-–—]\s", m["rest"])[0]  # "scrap that one, my wife already added it"
    rest = re.sub(r"\s+and\s+(?:leave|put|keep|set)\s+it\s+(?:back\s+)?(?:where|as|how)\s+it\s+was\b.*$", "", rest,
                  flags=re.IGNORECASE)  # "undo that and leave it where it was"
    if len(rest.split()) > 6 or parse_money(rest, strict=True):
        return None
    slots = {}
    for pattern, kind in _UNDO_KINDS:
        if pattern.search(rest):
            slots["kind"] = kind
            break
    named = re.match(r"\s*(?:the|my)\s+(?P<which>[\w$.'& -]{2,30}?)(?:\s+(?:one|bit|item))?\s*$", rest, re.IGNORECASE)
    if named and not slots and not _ALL_OF_IT.match(named["which"]) and named["which"].lower() not in _NOT_A_NAME:
        return Intent("remove_expense", 0.9, {"which": named["which"].strip()})  # "undo the pie": that one purchase
    return Intent("undo", 0.95, slots)


# "remove the coffee one", "delete the $25 one": one of the purchases just recorded, named by what it was.
_REMOVE_ONE = re.compile(
    r"^(?:" + _CUE + r"\b[\s,.!:;-]*)*(?:delete|remove|erase|drop|bin|ditch|scrap|cancel|get\s+rid\s+of|take\s+out|"
    r"take\s+off|knock\s+off|take)\s+(?:the|that|my)\s+(?P<which>[\w$.'& -]{2,40}?)(?:\s+(?:one|expense|entry|item|purchase|bit)\b)?"
    r"(?:\s+(?:off|out))?(?:\s+(?:from|off|out\s+of)\s+(?:my|our|the)\s+(?:income|earnings))?"  # "… from our income"
    r"(?=\s*(?:[,;!]|\.(?!\d)|$))",  # "actually delete the lunch, my friend paid for it", "take the X one off"
    re.IGNORECASE,
)
# Records other than purchases, which their own rules remove: "remove the stop at Dubbo", "delete the trip".
_OTHER_RECORDS = re.compile(
    r"\b(?:trips?|stops?|routes?|events?|reminders?|appointments?|budgets?|posts?|comments?|fill-?\s?ups?|services?|"
    r"maintenance|payments?)\b",
    re.IGNORECASE,
)
_CHARGE_NOUN = re.compile(r"\b(?:charge|expense|bill|fee|purchase|payment|receipt)\b", re.IGNORECASE)
_NOT_A_NAME = frozenset({"last", "first", "latest", "previous", "other", "wrong", "new", "whole"})


def remove_one(s: Sentence) -> Intent | None:
    """remove_expense naming which purchase ("the coffee one"), or None."""
    m = _REMOVE_ONE.match(s.text)
    if m is None or m["which"].lower() in _NOT_A_NAME or _OTHER_RECORDS.search(m["which"]):
        return None
    dated = sum(len(s.text[d.start:d.end].split()) for d in s.past_dates if m.start("which") <= d.start < m.end("which"))
    if len(m["which"].split()) - dated > (6 if _CHARGE_NOUN.search(m["which"]) else 4):  # "the parking charge at Peggy's Cove"
        return None
    return Intent("remove_expense", 0.9, {"which": m["which"].strip()})
