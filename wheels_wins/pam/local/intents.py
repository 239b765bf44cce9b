"""Intent classification and slot filling for PAM's offline engine, from ordered, general rules.

`classify(text, today)` answers with an `Intent`: a name, a confidence and slots named like the
arguments of the PAM tool that acts on it (add_expense: amount, category, date, description,
merchant; log_fuel: litres, total_cost, price_per_litre, odometer_km, location, date; ...).
Required slots that the sentence did not give are simply absent (`Intent.missing` lists them),
so the agent can ask a clarifying question instead of guessing.

Rules run from the most specific phrasing to the most general: small talk, corrections and undo,
then sentences that start with a command of their own (post, remind, open a page), questions,
budgets, fuel, maintenance, income, trips and finally plain expenses. That order is what makes
"Remind me to pay the insurance $890 on Friday" a reminder and "how much did I spend on fuel" a question.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from wheels_wins.pam.local import entities
from wheels_wins.pam.local.amounts import (
    MILLI,
    MoneyMention,
    Quantity,
    choose_amount,
    fill_total,
    parse_money,
    parse_quantity,
    to_money,
)
from wheels_wins.pam.local.dates import (
    DateMention,
    find_dates,
    find_time,
    named_period,
    resolve_period,
    time_spans,
)
from wheels_wins.pam.local.normalise import normalise
from wheels_wins.services.categories import infer_category
from wheels_wins.services.units import KM_PER_MILE

REQUIRED_SLOTS: dict[str, tuple[str, ...]] = {
    "add_expense": ("amount",),
    "set_budget": ("category", "amount"),
    "add_income": ("amount",),
    "log_fuel": ("litres", "total_cost"),
    "log_maintenance": ("task",),
    "add_schedule": ("task",),
    "plan_trip": ("places",),
    "add_calendar": ("title", "date"),
    "create_post": ("content",),
    "navigate": ("to",),
}

INTENTS: tuple[str, ...] = (
    "add_expense",
    "set_budget",
    "budget_status",
    "spending_query",
    "add_income",
    "income_query",
    "log_fuel",
    "log_maintenance",
    "maintenance_due",
    "add_schedule",
    "fuel_economy",
    "plan_trip",
    "list_trips",
    "add_calendar",
    "upcoming_events",
    "create_post",
    "read_feed",
    "navigate",
    "correction",
    "undo",
    "list_expenses",
    "greeting",
    "thanks",
    "help",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class Intent:
    """What the user wants: `name` (one of INTENTS), a 0–1 confidence and the slots found."""

    name: str
    confidence: float
    slots: dict[str, Any] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        """Required slots the sentence did not give."""
        return tuple(
            s
            for s in REQUIRED_SLOTS.get(self.name, ())
            if self.slots.get(s) in (None, "", [])
        )


class _Sentence:
    """One normalised request with its amounts, quantities and dates computed once, on demand."""

    def __init__(self, text: str, today: dt.date) -> None:
        self.text = text
        self.low = text.lower()
        self.today = today

    @cached_property
    def quantities(self) -> list[Quantity]:
        return parse_quantity(self.text)

    @cached_property
    def money(self) -> list[MoneyMention]:
        odometer_like = [
            (q.start, q.end) for q in self.quantities if q.kind in ("odometer", "km")
        ]
        return [
            m
            for m in parse_money(self.text)
            if not (
                not m.explicit
                and m.amount >= 1000
                and re.search(r"\b(?:at|@|odo(?:meter)?)\s*$", self.text[: m.start])
            )
            and not any(m.start < b and a < m.end for a, b in odometer_like)
        ]

    @cached_property
    def amount(self) -> MoneyMention | None:
        return choose_amount(self.text, self.money)

    @cached_property
    def explicit_amount(self) -> MoneyMention | None:
        return choose_amount(self.text, [m for m in self.money if m.explicit])

    @cached_property
    def past_dates(self) -> list[DateMention]:
        return find_dates(self.text, self.today, "past")

    @cached_property
    def future_dates(self) -> list[DateMention]:
        return find_dates(self.text, self.today, "future")

    @cached_property
    def category(self) -> str | None:
        return category_of(_SHOW.sub(" ", self.text))

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.low) is not None

    def money_spans(self) -> list[tuple[int, int]]:
        spans = []
        for m in self.money:
            start = m.start
            glue = re.search(
                r"(?:\b(?:of|for|about|around|roughly|approx|costing|worth|was|is|at|to)\s+)+$",
                self.text[:start],
                re.IGNORECASE,
            )
            if glue:
                start = glue.start()
            spans.append((start, m.end))
        return spans

    def quantity_spans(self) -> list[tuple[int, int]]:
        spans = []
        for q in self.quantities:
            start = q.start
            glue = re.search(
                r"(?:\b(?:of|for|at|with|@)\s*)+$", self.text[:start], re.IGNORECASE
            )
            if glue:
                start = glue.start()
            spans.append((start, q.end))
        return spans


_PLURAL = re.compile(r"\b([A-Za-z]{3,})(ies|s)\b")


def _singular(m: re.Match[str]) -> str:
    stem, ending = m.group(1), m.group(2)
    if ending == "ies":
        return stem + "y"
    return m.group(0) if stem.lower().endswith("s") else stem


# "a few things for dinner", "food for tonight": shopping for a meal is groceries, not eating out.
_FOOD_FOR_A_MEAL = re.compile(
    r"\b(?:things|stuff|food|bits|ingredients|supplies|something|some\s+\w+)\s+for\s+(?:breakfast|brekkie|lunch|dinner|tea|"
    r"tonight|the\s+bbq|a\s+bbq|the\s+barbie)\b",
    re.IGNORECASE,
)


def category_of(text: str) -> str | None:
    """The expense category a sentence suggests, also through plurals the synonym list lacks ("coffees", "pies")."""
    meal = _FOOD_FOR_A_MEAL.search(text)
    if meal:
        return infer_category(text[: meal.start()] + text[meal.end() :]) or "groceries"
    return infer_category(text) or infer_category(_PLURAL.sub(_singular, text))


def _words(spec: str) -> str:
    """A word-bounded regex alternation from "a|b c|d"; a space inside an alternative matches any whitespace."""
    return (
        r"\b(?:" + re.sub(r"\s*\|\s*", "|", spec.strip()).replace(" ", r"\s+") + r")\b"
    )


_SHOW = re.compile(r"\bshow\s+(?:me|us)\b|\bshow\b(?=\s+(?:my|the)\b)", re.IGNORECASE)
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
_HELP = re.compile(
    r"^(?:help|help\s+me|halp|i\s+need\s+(?:some\s+)?help|what\s+can\s+(?:you|i)\s+(?:do|ask|say)(?:\s+(?:for\s+me|here|you|"
    r"with\s+you|pam))*|what\s+(?:do|can)\s+you\s+(?:do|help(?:\s+me)?\s+with)|how\s+do\s+(?:i\s+use\s+(?:you|this|pam|the\s+app)|"
    r"you\s+work)|how\s+does\s+(?:this|it|pam|the\s+app)\s+work|who\s+are\s+you|what\s+are\s+you|"
    r"what\s+are\s+your\s+(?:features|skills|commands|abilities)|(?:list\s+|show\s+me\s+)?(?:commands|options|features)|"
    r"what\s+can\s+pam\s+do|instructions|how\s+can\s+you\s+help(?:\s+me)?|what\s+(?:sort|kind)s?\s+of\s+things\s+can\s+you\s+do|"
    r"what\s+are\s+you\s+able\s+to\s+do|what\s+should\s+i\s+ask(?:\s+you)?)$",
    re.IGNORECASE,
)


def _small_talk(raw: str) -> Intent | None:
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
        elif _HELP.match(clause):
            kinds.append("help")
        else:
            return None
    name = next(n for n in ("help", "thanks", "greeting") if n in kinds)
    acknowledgement = all(
        c in ("ok", "okay", "cool", "done", "noted", "got it") for c in clauses
    )
    return Intent(name, 0.6 if acknowledgement else 0.95)


_CUE = (
    r"(?:actually|no+|nah|nope|oops|whoops|sorry|wait|hang\s+on|hold\s+on|correction|my\s+bad|my\s+mistake|oh|er+|um+|"
    r"hmm+|i\s+mean|scratch\s+that|ah+|argh|dammit|damn|never\s*mind|(?:i\s+)?(?:do\s+)?apologi[sz]e|my\s+apologies|"
    r"apologies|pardon(?:\s+me)?|excuse\s+me|wrong\s+(?:category|amount|date|price|total|day|one)|"
    r"(?:the\s+)?(?:date|amount|category|price|total|day)(?:'s|\s+is|\s+was)\s+wrong)"
)
_CUE_LEAD = re.compile(r"^" + _CUE + r"\b[\s,.!:;-]*", re.IGNORECASE)
_CHANGE = re.compile(
    r"^(?:make|change|update|edit|fix|set|correct|amend|adjust|switch|put|alter)\s+(?:that|it|this|"
    r"the\s+(?:last|amount|price|cost|total|date|category|merchant|description|figure|number)(?:\s+(?:one|expense|entry|amount|"
    r"one\s+i\s+(?:added|logged)))?|my\s+last\s+(?:one|expense|entry))\b",
    re.IGNORECASE,
)
_IT_WAS = re.compile(
    r"^(?:it|that|this|the\s+(?:(?:correct|right|real|actual)\s+)?(?:amount|total|price|cost|last\s+one|bill|expense|date|"
    r"figure|number|litres))\s*(?:'s|\s+was|\s+is|\s+were|"
    r"\s+should\s+(?:be|have\s+been|read)|\s+ought\s+to\s+be|\s+came\s+to|\s+actually\s+(?:was|cost))\b",
    re.IGNORECASE,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SHIFT_DAYS = re.compile(
    r"\b(?:push|move|put|shift|bump|bring)\s+(?:it|that|this)\s+(?P<dir>back|forward|later|earlier|out)\s+(?:by\s+)?"
    r"(?P<n>an?|one|two|three|four|five|six|seven|\d)\s+days?\b",
    re.IGNORECASE,
)
_IT_WAS_LATE = re.compile(
    r"^[^,;:]{3,60}[,;:-]\s*(?P<said>(?:it|that)\s+(?:was|is|were|should\s+(?:be|have\s+been))\b)", re.IGNORECASE
)
_MEANT = re.compile(
    r"^(?:should\s+(?:be|have\s+been)|i\s+meant|meant|i\s+mean|it'?s\s+meant\s+to\s+be)\b",
    re.IGNORECASE,
)
_SPEND_VERB = re.compile(
    _words("spent|spend|paid|bought|add|log|record|purchased|got"),
    re.IGNORECASE,
)


def _correction(s: _Sentence) -> Intent | None:
    rest, had_cue = s.text, False
    while True:
        m = _CUE_LEAD.match(rest)
        if not m or not m.group(0):
            break
        rest, had_cue = rest[m.end() :], True
    low = rest.lower()
    late = _IT_WAS_LATE.search(rest) if had_cue else None  # "sorry, I misread the pump, it was 56 litres"
    if late:
        rest = rest[late.start("said") :]
    strong = bool(_CHANGE.match(rest) or _IT_WAS.match(rest) or _MEANT.match(rest) or _SHIFT_DAYS.match(rest))
    sub = _Sentence(rest, s.today)
    has_value = bool(sub.money or sub.past_dates or sub.category or sub.quantities)
    short = len(low.split()) <= 6
    not_x = re.search(r"\bnot\s+(?:\$|\d)", low) is not None and len(sub.money) >= 2
    if not (
        strong
        or (had_cue and short and has_value and not _SPEND_VERB.search(low))
        or (not_x and short)
    ):
        return None
    slots: dict[str, Any] = {}
    chosen = sub.amount
    if chosen:
        slots["amount"] = chosen.amount
        others = [m for m in sub.money if m is not chosen]
        if others:
            slots["old_amount"] = others[0].amount
    if sub.past_dates:
        slots["date"] = sub.past_dates[0].date
    if sub.future_dates:  # a calendar entry moves forward: "make it Friday" is the coming one there
        slots["future_date"] = sub.future_dates[0].date
    for kind, slot in (("litres", "litres"), ("odometer", "odometer_km"), ("km", "odometer_km")):
        reading = next((q.value for q in sub.quantities if q.kind == kind), None)
        if reading is not None and slot not in slots and (kind != "km" or reading >= 1000):
            slots[slot] = reading
    time = find_time(rest)
    if time is not None:
        slots["time"] = time.time
    shift = _SHIFT_DAYS.search(rest)
    if shift:  # "push it back a day", "bring it forward two days"
        days = 1 if shift["n"].lower() in ("a", "an", "one") else _COUNT_WORDS.get(shift["n"].lower()) or int(shift["n"])
        slots["shift_days"] = -days if shift["dir"].lower() in ("forward", "earlier") else days
    # "that was for snacks, put it under dining": the category the change names wins over what it was for.
    target = re.search(
        r"\b(?:under|to|as|into|in)\s+(?:the\s+)?(?P<what>[\w' -]{3,30}?)(?:\s+(?:category|instead))?[\s.!]*$", rest,
        re.IGNORECASE,
    )
    category = (category_of(target["what"]) if target else None) or category_of(rest)
    if category:
        slots["category"] = category
    merchant = entities.merchant(
        rest, sub.money_spans() + [(d.start, d.end) for d in sub.past_dates]
    )
    if merchant:
        slots["merchant"] = merchant
    if not slots and not strong:
        return None
    return Intent("correction", 0.9 if slots else 0.6, slots)


_UNDO = re.compile(
    r"^(?:"
    + _CUE
    + r"\b[\s,.!:;-]*)*(?:undo|scratch\s+that|scrap\s+(?:that|it|this)|cancel\s+(?:that|it|this|the\s+last|my\s+last)|"
    r"(?:delete|remove|erase|drop|bin|ditch|kill)\s+(?:that|it|this|(?:the|my)\s+last|last)|take\s+(?:that|it)\s+back|"
    r"revert|reverse\s+(?:that|it)|roll\s+(?:that|it)\s+back|get\s+rid\s+of\s+(?:that|it|the\s+last|my\s+last)|"
    r"forget\s+(?:that|i\s+said\s+that)|don'?t\s+(?:log|add|record|save|keep)\s+(?:that|it)|"
    r"that\s+was\s+(?:a\s+)?(?:mistake|wrong|an\s+error)|wrong\s+one|oops\s+undo)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_UNDO_KINDS = [
    (
        re.compile(_words("expenses?|purchases?|spend|spending"), re.IGNORECASE),
        "expense",
    ),
    (re.compile(_words("income|earnings?|payment"), re.IGNORECASE), "income"),
    (re.compile(_words("fuel|fill(?:-?\\s?up)?|refuel"), re.IGNORECASE), "fuel"),
    (
        re.compile(_words("maintenance|service|oil change"), re.IGNORECASE),
        "maintenance",
    ),
    (re.compile(_words("trips?|routes?"), re.IGNORECASE), "trip"),
    (
        re.compile(_words("events?|reminders?|appointments?"), re.IGNORECASE),
        "calendar",
    ),
    (re.compile(_words("posts?"), re.IGNORECASE), "post"),
    (re.compile(_words("budgets?"), re.IGNORECASE), "budget"),
]


def _undo(s: _Sentence) -> Intent | None:
    m = _UNDO.match(s.text)
    if not m:
        return None
    rest = m["rest"]
    if len(rest.split()) > 6 or parse_money(rest, strict=True):
        return None
    slots = {}
    for pattern, kind in _UNDO_KINDS:
        if pattern.search(rest):
            slots["kind"] = kind
            break
    return Intent("undo", 0.95, slots)


_POST_START = re.compile(
    r"^(?:post|share|publish|announce|broadcast|tweet)\b(?!\s+(?:office|box|code))|"
    r"^(?:tell|ask|let)\s+(?:the\s+)?(?:community|everyone|everybody|folks|people|others|other\s+\w+|group|followers|members|"
    r"nomads|travellers|crew|gang)\b|"
    r"^(?:make|write|create|put\s+up|add|send|do)\s+(?:a\s+|an\s+)?(?:new\s+|quick\s+)?(?:community\s+|social\s+)?post\b|"
    r"^(?:put|add)\s+.+?\s+(?:on|in|to)\s+(?:the\s+)?(?:feed|community|wall|forum)\b|"
    r"^(?:(?:a|new)\s+)?(?:community|social|feed)\s+post\b",
    re.IGNORECASE,
)


def _post(s: _Sentence) -> Intent | None:
    if not _POST_START.match(s.text):
        return None
    content = entities.post_content(s.text)
    if re.fullmatch(
        r"(?:a\s+|an\s+)?(?:new\s+)?(?:post|message|something|update)?",
        content,
        re.IGNORECASE,
    ):
        content = ""
    return Intent(
        "create_post", 0.95 if content else 0.8, {"content": content} if content else {}
    )


_REMIND_QUESTION = re.compile(
    r"^remind\s+me\s+(?:what|when|where|how|who|if|whether|which)\b", re.IGNORECASE
)
_CALENDAR_START = re.compile(
    r"^(?:remind(?:er)?\s+(?:me|us)|remember\s+(?:me|us)\s+to|set\s+(?:up\s+)?(?:a\s+|me\s+a\s+)?reminder|"
    r"(?:create|add|make|put\s+in|chuck|pop|stick|whack|throw|put)\s+(?:a\s+|in\s+a\s+)?reminder|"
    r"reminder\b|(?:don'?t|do\s+not)\s+(?:let\s+me\s+)?forget)\b",
    re.IGNORECASE,
)
_CALENDAR_NOUN = re.compile(
    _words(
        "appointments?|appt|reminders?|events?|meetings?|bookings?|check-?ups?|"
        "catch-?ups?|birthday|anniversary|calendar|diary|schedule|interview|consult|"
        "consultation|vet|dentist|doctor'?s?|gp|hairdresser|haircut|party|"
        "dinner with|lunch with|date with|visit|tour|flight|ferry booking|market day"
    ),
    re.IGNORECASE,
)
_CALENDAR_VERB = re.compile(
    r"^(?:add|put|schedule|book(?:\s+in)?|create|make|set\s+up|pencil\s+in|note\s+down|enter|save|block\s+out)\b",
    re.IGNORECASE,
)
# A note that starts with the event itself: "doctor appointment on Thursday at 10am", "vet check next Monday".
_EVENT_FIRST = re.compile(r"^(?:(?:a|an|my|the|our)\s+)?(?:[\w'-]+\s+){0,2}?" + _CALENDAR_NOUN.pattern, re.IGNORECASE)
_HAVE_EVENT = re.compile(
    r"^(?:(?:i|we)\s+(?:have|'ve\s+got|ve\s+got|got)|(?:i|we)'?ve\s+got|there'?s|got)\s+(?:a|an|my|the|our)\b",
    re.IGNORECASE,
)
_MUST_DO = re.compile(
    r"^(?:(?:i|we)\s+(?:need\s+to|have\s+to|must|'ve\s+got\s+to|should)|(?:i|we)'?ve\s+got\s+to|need\s+to|have\s+to|gotta|"
    r"got\s+to)\b",
    re.IGNORECASE,
)
_TO_CALENDAR = re.compile(
    r"\b(?:to|in|on|into|onto)\s+(?:my|the|our)\s+(?:calendar|diary|schedule|agenda)\b",
    re.IGNORECASE,
)


def _calendar_intent(s: _Sentence, confidence: float) -> Intent:
    spans: list[tuple[int, int]] = []
    slots: dict[str, Any] = {}
    dates = s.future_dates
    if dates:
        slots["date"] = dates[0].date
        spans.append((dates[0].start, dates[0].end))
    found_time = find_time(s.text)
    if found_time:
        slots["time"] = found_time.time
        spans.append((found_time.start, found_time.end))
        slots.setdefault("date", s.today)
    title = entities.calendar_title(s.text, spans)
    if title and _DUE_ON.match(s.text) and "due" not in title.lower().split():
        title += " due"  # the date took "due 14 feb" with it
    if title and title.lower() not in _UNTITLED:
        slots["title"] = title[:160]
    return Intent("add_calendar", confidence, slots)


# "add a calendar entry for next Friday" names no event: PAM asks what it is rather than saving "Calendar entry".
_UNTITLED = frozenset(
    {"calendar entry", "calendar event", "calendar", "entry", "event", "reminder", "something", "thing", "a thing",
     "note", "item", "new event", "new entry", "an entry", "an event"}
)


_EVERY = re.compile(
    r"\bevery\s+(?:(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\s?)?|(?P<one>an?|one|single)\s+)?"
    r"(?P<unit>kms?|kilomet(?:re|er)s?|miles?|mi|months?|years?|yrs?|weeks?)\b",
    re.IGNORECASE,
)


_OR_INTERVAL = re.compile(
    r"\s*(?:,\s*)?(?:or|and|/|whichever\s+comes\s+first,?)\s*(?:every\s+)?(?:(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\s?)?|"
    r"(?P<one>an?|one)\s+)(?P<unit>kms?|kilomet(?:re|er)s?|miles?|mi|months?|years?|yrs?|weeks?)\b",
    re.IGNORECASE,
)


def _schedule(s: _Sentence) -> Intent | None:
    """"Rotate the tyres every 10,000 km", "remind me to change the oil every 6 months or 10k km"."""
    intervals = list(_EVERY.finditer(s.text))
    if not intervals:
        return None
    for m in list(intervals):  # "every 10,000 km or 6 months"
        more = _OR_INTERVAL.match(s.text, m.end())
        if more:
            intervals.append(more)
    task = entities.maintenance_task(s.text) or entities.repair_task(s.text)
    if task is None:
        return None
    slots: dict[str, Any] = {"task": task}
    for m in intervals:
        value = Decimal(m["num"].replace(",", "")) if m["num"] else Decimal(1)
        unit = m["unit"].lower()
        if m["k"]:
            value *= 1000
        if unit.startswith(("km", "kilomet")):
            slots["every_km"] = int(value)
        elif unit.startswith("mi"):
            slots["every_km"] = round(float(value) * KM_PER_MILE)
        elif unit.startswith("week"):
            slots["every_months"] = max(1, round(float(value) * 7 / 30.44))
        elif unit.startswith(("year", "yr")):
            slots["every_months"] = int(value * 12)
        else:
            slots["every_months"] = int(value)
    return Intent("add_schedule", 0.9, slots)


_ECONOMY = re.compile(
    r"\b(?:fuel\s+)?(?:consumption|economy|efficiency)\b|\bmpg\b|\bl\s?/\s?100\s?km\b|\blitres?\s+per\s+100\b|"
    r"\bhow\s+much\s+(?:fuel|diesel|petrol|gas)\s+(?:am\s+i|are\s+we|does\s+(?:it|the\s+\w+)|is\s+(?:it|the\s+\w+))\s+"
    r"(?:using|use|burning|burn|drinking|drink|going\s+through|chewing\s+through)\b|\bhow\s+thirsty\b",
    re.IGNORECASE,
)


def _economy(s: _Sentence) -> Intent | None:
    """"What's my fuel consumption?", "how much diesel is the truck using?" (not a fill-up with figures)."""
    if not _ECONOMY.search(s.text) or s.quantities or s.money:
        return None
    return Intent("fuel_economy", 0.9)


def _calendar(s: _Sentence) -> Intent | None:
    if _REMIND_QUESTION.match(s.text):
        return None
    if _CALENDAR_START.match(s.text) or (
        _TO_CALENDAR.search(s.text) and not _Q_START.match(s.low)
    ):
        return _calendar_intent(s, 0.95)
    booking = re.match(r"^(?:schedule|book|pencil\s+in|block\s+out|note\s+down)\b", s.low) and s.future_dates
    adding_money = re.match(r"^(?:add|log|record|put)\s+(?:an?\s+)?(?:\$|\d)", s.low)
    if (
        _CALENDAR_VERB.match(s.text)
        and (_CALENDAR_NOUN.search(s.text) or booking)
        and not adding_money
    ):
        return _calendar_intent(s, 0.9)
    if _HAVE_EVENT.match(s.text) and _CALENDAR_NOUN.search(s.text) and s.future_dates:
        return _calendar_intent(s, 0.85)
    if (
        _MUST_DO.match(s.text)
        and s.future_dates
        and not re.search(r"\bago\b|\byesterday\b|\blast\b", s.low)
    ):
        return _calendar_intent(s, 0.75)
    if _EVENT_FIRST.match(s.text) and s.future_dates and not s.money and not _Q_START.match(s.low):
        return _calendar_intent(s, 0.7)
    if s.future_dates and not s.money and not _Q_START.match(s.low) and (
        _DUE_ON.match(s.text) or (find_time(s.text) and len(s.low.split()) <= 8)
    ):
        return _calendar_intent(s, 0.7)  # "rego due 14 feb", "physio friday 11am"
    return None


# "rego due 14 feb", "insurance is due on the 3rd": a due date to be reminded of.
_DUE_ON = re.compile(r"^(?:(?:my|the|our)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s+(?:is\s+|are\s+)?due\b", re.IGNORECASE)


_NAV_START = re.compile(
    r"^(?:(?:go|head|jump|navigate|switch|flip|take\s+(?:me|us)|bring\s+(?:me|us)|get\s+(?:me|us)|send\s+(?:me|us)|move|skip)"
    r"(?:\s+back)?(?:\s+(?:to|over\s+to|into|onto))?|"
    r"back\s+to|open(?:\s+up)?(?:\s+for\s+(?:me|us))?|show(?:\s+(?:me|us))?|display|bring\s+up|pull\s+up|load|view|visit|see|"
    r"launch|return\s+to)\s+(?P<target>.+)$",
    re.IGNORECASE,
)
_LIST_TARGET = re.compile(
    r"\b(?:expenses|trips|posts|events|reminders|income|calendar|schedule|diary|agenda|feed)\b",
    re.IGNORECASE,
)


def _navigate(s: _Sentence) -> Intent | None:
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
    target = m["target"]
    if re.search(r"\b(?:from|via|how|what|much|spent|left)\b", target, re.IGNORECASE):
        return None
    page = entities.page_target(target)
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


_Q_START = re.compile(
    r"^(?:how|what|what'?s|whats|when|when'?s|whens|where|where'?s|which|who|why|am\s+i|are\s+(?:we|i|there)|"
    r"is\s+(?:there|my|it|the|anything)|do\s+(?:i|we)|does|did\s+(?:i|we)|have\s+(?:i|we)|has|can\s+(?:i|we)|could\s+i|"
    r"any|anything|tell\s+me|let\s+me\s+know|check|i'?d\s+like\s+to\s+know|i\s+wonder|wondering|know)\b",
    re.IGNORECASE,
)
_COMMAND_START = re.compile(
    r"^(?:add|log|record|set|make|plan|post|remind|put|book|schedule|change|create|open|go|take|spent|paid|bought|i\s+)",
    re.IGNORECASE,
)
_BUDGET = re.compile(
    r"\bbudget(?:s|ed)?\b|\bover\s*spen(?:t|ding)\b|\bleft\s+to\s+spend\b|\bon\s+track\b|"
    r"\bhow\s+much\s+(?:is\s+|have\s+(?:i|we)\s+got\s+|do\s+(?:i|we)\s+have\s+|'?s\s+)?(?:left|remaining)\b",
    re.IGNORECASE,
)
_BUDGET_SET_VERB = re.compile(
    r"^(?:set|make|change|update|put|increase|raise|lower|reduce|bump|drop|cut|adjust|create|allocate|give|up|double|"
    r"halve|fix|establish|start|budget|i\s+want\s+(?:my|a|the)|i'?d\s+like\s+(?:my|a|the)|my|our|the|a)\b",
    re.IGNORECASE,
)
_BUDGET_AMOUNT = re.compile(
    r"\bbudget\b(?:\s+\w+){0,3}?(?:\s+(?:to|at|of|is|should\s+be|to\s+be|will\s+be|as)\b|\s*[:=])\s*"
    r"(?:\$|\d|a\s+|[a-z]+\s+(?:hundred|thousand|dollars|bucks))",
    re.IGNORECASE,
)
_BUDGET_BARE = re.compile(r"\bbudget\s+(?:\$\s?|AUD\s?)?\d", re.IGNORECASE)  # "fuel budget 450 a month"
_AMOUNT_BUDGET = re.compile(
    r"\b(?:a|an)\s+(?:\$|AUD\s?)?\d[\d,.]*k?\s+(?:\w+\s+)?budget\b", re.IGNORECASE
)
_LIMIT = re.compile(
    r"^(?:limit|cap)\b|\b(?:spend|spending)\s+(?:no\s+more\s+than|at\s+most|under|less\s+than|max(?:imum)?|only|up\s+to)\b|"
    r"\b(?:limit|cap)\s+(?:my\s+)?(?:\w+\s+)?(?:spending\s+)?(?:to|at)\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:want\s+to\s+|wanna\s+)?(?:spend|go)\s+(?:more\s+than|over|above|past)\b",
    re.IGNORECASE,
)
# "keep camping to 500 bucks a month", "hold groceries under $600 per month": a limit with its period.
_KEEP_WITHIN = re.compile(
    r"^(?:allocate|set\s+aside|put\s+aside|earmark|reserve|allow)\b|"
    r"\b(?:keep|hold|stick|stay)\s+(?:(?:my|the|our)\s+)?(?:[\w-]+\s+){0,2}?(?:spending\s+)?"
    r"(?:to|under|below|within|at|on|around)\b",
    re.IGNORECASE,
)
_PER_PERIOD = re.compile(r"\b(?:a|per|each|every)\s+(?:month|week|fortnight)\b|\b(?:monthly|weekly|fortnightly)\b", re.IGNORECASE)
_PERIOD_WORD = [
    (
        re.compile(r"\b(?:a|per|each|every)\s+week\b|\bweekly\b", re.IGNORECASE),
        "weekly",
    ),
    (
        re.compile(
            r"\b(?:a|per|each|every)\s+(?:year|annum)\b|\byearly\b|\bannual(?:ly)?\b",
            re.IGNORECASE,
        ),
        "yearly",
    ),
    (
        re.compile(
            r"\b(?:a|per|each|every)\s+fortnight\b|\bfortnightly\b", re.IGNORECASE
        ),
        "fortnightly",
    ),
]


def _budget_slots(s: _Sentence) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    category = s.category
    if category:
        slots["category"] = category
    if s.amount:
        slots["amount"] = s.amount.amount
    slots["period"] = next(
        (name for pattern, name in _PERIOD_WORD if pattern.search(s.text)), "monthly"
    )
    return slots


def _budget(s: _Sentence, question: bool) -> Intent | None:
    # "plan a trip from Sydney to Melbourne, budget $500" plans the trip; a monthly budget needs a category.
    if not s.category and _TRIP_STRONG.search(s.text) and _ROUTE_MARKER.search(s.text):
        return None
    if _LIMIT.search(s.text) and s.amount and not question:
        return Intent("set_budget", 0.85, _budget_slots(s))
    if _KEEP_WITHIN.search(s.text) and _PER_PERIOD.search(s.text) and s.amount and s.category and not question:
        return Intent("set_budget", 0.85, _budget_slots(s))
    if not _BUDGET.search(s.text):
        return None
    setting = bool(_BUDGET_AMOUNT.search(s.text) or _AMOUNT_BUDGET.search(s.text) or _BUDGET_BARE.search(s.text)) or (
        not question
        and bool(_BUDGET_SET_VERB.match(s.text))
        and (
            s.amount is not None
            or re.match(r"^(?:set|make|create|change|update)\b", s.low)
        )
    )
    setting = setting or (
        not question
        and s.explicit_amount is not None
        and not _EXPENSE_WORD.search(s.text)
        and not _INCOME.search(s.text)
    )
    # "our fuel budget is $300 … by how much are we over?" states the budget to ask about it
    asks = question and re.search(_words("how much|by how much|are we over|am i over|how far over|left|remaining"), s.low)
    if setting and not asks and not re.match(r"^(?:how|what|am|is|are|do|did|have)\b", s.low):
        return Intent("set_budget", 0.9, _budget_slots(s))
    if question or re.search(
        _words(
            "how|what|left|remaining|over|under|status|doing|looking|going|track|check|"
            "tracking|stand|much"
        ),
        s.text,
        re.IGNORECASE,
    ):
        slots = {"category": s.category} if s.category else {}
        return Intent("budget_status", 0.9, slots)
    return None


_SPENDING_WORDS = re.compile(
    _words(
        "spen[dt](?!\\s+(?:a|the|one|two|three|\\d+|some|our|my)\\s+(?:nights?|days?(?!\\s+(?:before|after|ago))|weeks?|time|while|arvo|afternoon|morning|evening)\\b)|"
        "spending(?!\\s+(?:a|the|one|two|three|\\d+|some|our|my)\\s+(?:nights?|days?(?!\\s+(?:before|after|ago))|weeks?|time|while|arvo|afternoon|morning|evening)\\b)|"
        "expenses?|outgoings|costs?|costing|paid|pay|blown|blew|"
        "splurged|gone on|go on|went on|gone out|went out|going out|forked out|shelled out|used"
    ),
    re.IGNORECASE,
)
# "add up my income for this month", "tally what we've spent": a sum asked for, not something to record.
_TALLY = re.compile(r"^(?:add\s+up|tally(?:\s+up)?|total\s+up|sum\s+up|work\s+out\s+(?:how\s+much|what|the\s+total))\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(
    _words(
        "how much|total|totals|sum|altogether|overall|in total|tally|add up|"
        "breakdown|summary|so far|what did|what have|what'?s my|what is my|"
        "what was my|whats my"
    ),
    re.IGNORECASE,
)
_INCOME_Q = re.compile(
    _words(
        "earn|earned|earnt|earnings|income|made|make|received|get paid|got paid|"
        "brought in|takings|revenue"
    ),
    re.IGNORECASE,
)
_MAINT_NOUN = re.compile(
    _words(
        "service|servicing|oil|oil change|t[yi]res?|rotation|maintenance|brakes?|"
        "alignment|filters?|battery|belt|coolant|serviced"
    ),
    re.IGNORECASE,
)
_DUE_WORDS = re.compile(
    _words(
        "due|next|overdue|when should|when do i need|coming up|upcoming|need doing|"
        "need to be done|needs|is anything|what maintenance"
    ),
    re.IGNORECASE,
)
_EVENT_Q = re.compile(
    _words(
        "calendar|diary|schedule|reminders?|appointments?|events?|what'?s on|"
        "whats on|coming up|agenda|anything on|got on|have on|booked|planned for|"
        "on (?:today|tomorrow)|up to (?:today|tomorrow)|am i (?:free|busy)|"
        "when(?:'s| is| are) (?:my |the |our )?[\\w' ]{2,30} due"
    ),
    re.IGNORECASE,
)
_TRIPS_WORDS = re.compile(
    _words(
        "trips?|journeys?|routes?|itinerar(?:y|ies)|travel plans?|"
        "where am i (?:going|headed)|where are we (?:going|headed)"
    ),
    re.IGNORECASE,
)
_FEED_WORDS = re.compile(
    _words(
        "posts?|feed|community|forum|people saying|everyone saying|others saying|"
        "news|happening|chatter|gossip|latest|updates"
    ),
    re.IGNORECASE,
)
_EXPENSE_LIST_WORDS = re.compile(
    _words(
        "expenses|purchases|transactions|receipts|spending history|bought|buy|"
        "last \\d+ expenses|recent spending|expense list"
    ),
    re.IGNORECASE,
)
_LIST_VERB = re.compile(
    r"^(?:show|list|display|give\s+me|pull\s+up|bring\s+up|read|see|view|check)\b",
    re.IGNORECASE,
)


def _period_slots(s: _Sentence) -> dict[str, Any]:
    period = resolve_period(s.text, s.today)
    if period is None:
        period = named_period("this_month", s.today)
    slots: dict[str, Any] = {
        "period": period.name,
        "start": period.start,
        "end": period.end,
    }
    return slots


_BREAKDOWN = re.compile(
    r"^(?:break\s*down|give\s+me\s+a\s+(?:break\s*down|summary)|summari[sz]e|split\s+(?:up\s+)?)\b|\bbreak\s*down\b",
    re.IGNORECASE,
)


def _query(s: _Sentence, question: bool) -> Intent | None:
    low = s.low
    if _BREAKDOWN.search(low) and _SPENDING_WORDS.search(low) and not s.money:
        slots = _period_slots(s)  # "break down my spending by category": the total with its categories
        if s.category:
            slots["category"] = s.category
        return Intent("spending_query", 0.9, slots)
    if not question and not _LIST_VERB.match(low):
        return None
    if (
        _MAINT_NOUN.search(low)
        and _DUE_WORDS.search(low)
        and not _SPENDING_WORDS.search(low)
    ):
        slots = (
            {"task": entities.maintenance_task(s.text)}
            if entities.maintenance_task(s.text)
            else {}
        )
        return Intent("maintenance_due", 0.85, slots)
    if _INCOME_Q.search(low) and not re.search(_words("spen[dt]|spending"), low):
        return Intent("income_query", 0.85, _period_slots(s))
    spending = _SPENDING_WORDS.search(low) and (
        _TOTAL_WORDS.search(low) or re.search(_words("spen[dt]|spending"), low)
    )
    listing = bool(_LIST_VERB.match(low)) and not _TOTAL_WORDS.search(low)
    if (
        spending or (_TOTAL_WORDS.search(low) and s.category and question)
    ) and not listing:
        slots = _period_slots(s)
        if s.category:
            slots["category"] = s.category
        return Intent("spending_query", 0.9, slots)
    if (
        _EXPENSE_LIST_WORDS.search(low)
        or re.search(r"\bexpense\b", low)
        or (spending and listing)
    ):
        slots = _period_slots(s) if resolve_period(s.text, s.today) else {}
        if s.category:
            slots["category"] = s.category
        limit = re.search(r"\b(?:last|latest|recent)\s+(\d{1,2})\b", low)
        if limit:
            slots["limit"] = int(limit.group(1))
        slots["page"] = "/wins"
        return Intent("list_expenses", 0.8, slots)
    if _EVENT_Q.search(low) and not _TRIPS_WORDS.search(low):
        period = resolve_period(s.text, s.today)
        slots = (
            {"period": period.name, "start": period.start, "end": period.end}
            if period
            else {}
        )
        return Intent("upcoming_events", 0.85, slots)
    if _TRIPS_WORDS.search(low) and not re.search(
        r"\bfrom\b.+\bto\b|\bto\b.+\bfrom\b", low
    ):
        return Intent("list_trips", 0.8, {"page": "/wheels"})
    if _FEED_WORDS.search(low):
        return Intent("read_feed", 0.8, {"page": "/social"})
    return None


_FILL_UP = re.compile(
    r"\b(?:fill(?:ed|ing)?\s+(?:up|her\s+up|it\s+up|the\s+tank|(?:the|my)\s+(?:van|car|ute|truck|rig|tank|motorhome|camper))|"
    r"fill-?ups?|fill\s+up|refuel(?:l?ed|l?ing)?|fuel(?:l?ed)?\s+up|tank(?:ed)?\s+up|gassed\s+up|(?:log|record|add|enter)\s+(?:a\s+|my\s+|some\s+|the\s+)?(?:fuel|fill|diesel|petrol)|"
    r"fuel\s+log|fuel\s+stop|bowser)\b",
    re.IGNORECASE,
)
_TOP_UP = re.compile(r"\btop(?:ped)?[-\s]?up\b", re.IGNORECASE)
_FUEL_WORD = re.compile(
    _words("fuel|diesel|petrol|unleaded|ulp|lpg|e10|premium|gas|tank"),
    re.IGNORECASE,
)
_NOT_FUEL = re.compile(
    _words("water|gas bottle|phone|credit|data|coolant|oil|adblue|tyres?|air"),
    re.IGNORECASE,
)


def _fuel(s: _Sentence) -> Intent | None:
    kinds = {q.kind for q in s.quantities}
    cue = bool(_FILL_UP.search(s.text)) or (
        bool(_TOP_UP.search(s.text)) and bool(_FUEL_WORD.search(s.text))
    )
    measured = "litres" in kinds or "price_per_litre" in kinds
    if not (cue or measured):
        return None
    if _NOT_FUEL.search(s.text) and not _FUEL_WORD.search(s.text) and not measured:
        return None
    if re.search(r"\bexpense\b", s.low) and not measured:
        return None
    slots: dict[str, Any] = {}
    litres = next((q.value for q in s.quantities if q.kind == "litres"), None)
    price = next((q.value for q in s.quantities if q.kind == "price_per_litre"), None)
    odometer = next((q.value for q in s.quantities if q.kind == "odometer"), None)
    if odometer is None:
        odometer = next(
            (q.value for q in s.quantities if q.kind == "km" and q.value >= 1000), None
        )
    if odometer is None:
        bare = re.search(
            r"\b(?:at|@|odo(?:meter)?)\s*(\d{1,3}(?:,\d{3})+|\d{4,7})\b(?!\s*(?:\.\d|dollars|bucks|aud))",
            s.text,
            re.IGNORECASE,
        )
        if bare and not re.match(
            r"\s*(?:l|litres?|liters?)\b", s.text[bare.end() :], re.IGNORECASE
        ):
            odometer = Decimal(bare.group(1).replace(",", ""))
    money = [
        m
        for m in s.money
        if not (litres is not None and m.explicit is False and m.amount == litres)
    ]
    if price is None and litres is not None:
        per_litre = [
            m
            for m in money
            if m.amount < 4
            and (
                re.search(r"(?:@|\bat)\s*$", s.text[: m.start])
                or re.search(r"\$\d\.\d{3}", s.text[m.start : m.end])
            )
        ]
        if per_litre and len(money) >= 1:
            price = per_litre[0].amount.quantize(MILLI)
            money = [m for m in money if m is not per_litre[0]]
    total = choose_amount(s.text, money)
    if total:
        slots["total_cost"] = total.amount
    if litres is not None:
        slots["litres"] = litres
    if price is not None:
        slots["price_per_litre"] = price
    if litres is None and total is not None and price:
        slots["litres"] = (total.amount / price).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    if total is None and litres is not None and price:
        stated = [next((q for q in s.quantities if q.kind == kind), None) for kind in ("litres", "price_per_litre")]
        slots["total_cost"] = (
            fill_total(stated[0], stated[1]) if stated[0] and stated[1] and stated[1].value == price
            else to_money(litres * price)
        )
    if odometer is not None:
        slots["odometer_km"] = int(odometer)
    kind = entities.fuel_type(s.text)
    if kind:
        slots["fuel_type"] = kind
    spans = (
        [(q.start, q.end) for q in s.quantities]
        + s.money_spans()
        + [(d.start, d.end) for d in s.past_dates]
    )
    location = entities.merchant(s.text, spans)
    place = entities.town(s.text, spans)
    where = " ".join(dict.fromkeys(p for p in (location, place) if p))
    if where and where.lower() not in ("diesel", "fuel", "petrol"):
        slots["location"] = where
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    confidence = 0.9 if cue or litres is not None else 0.7
    if "litres" not in slots and "total_cost" in slots:
        return _fuel_expense(slots, confidence)
    return Intent("log_fuel", confidence, slots)


def _fuel_name(kind: str) -> str:
    return kind.upper() if len(kind) <= 3 else kind.capitalize()  # "LPG", "E10", "Diesel"


def _fuel_expense(fill: dict[str, Any], confidence: float) -> Intent:
    """A fill-up stated by its cost alone ("filled the tank on Monday, $102") is logged as a fuel expense.

    Asking for the litres first would leave the money unrecorded if the user never answers; the
    fuel log (which needs litres for consumption) is for fills whose litres are known.
    """
    slots: dict[str, Any] = {
        "amount": fill["total_cost"],
        "category": "fuel",
        "description": _fuel_name(fill.get("fuel_type") or "fuel"),
        "date": fill["date"],
    }
    if fill.get("location"):
        slots["merchant"] = fill["location"]
    return Intent("add_expense", confidence, slots)


_MAINT_EVENT = re.compile(
    _words(
        "had|got|did|done|completed|finished|changed|replaced|rotated|serviced|"
        "fitted|installed|flushed|greased|repacked|checked|aligned|balanced|"
        "put (?:on|in)|swapped|maintenance|inspected|topped up|"
        "mechanic (?:change|changes|replace|replaces|fix|fixes|repair|repairs|do|does)"  # "the mechanic change the clutch"
    ),
    re.IGNORECASE,
)
_LOG_TASK = re.compile(
    r"^(?:log|record|add|note|enter|track|save|mark)\s+(?:a\s+|an\s+|the\s+|my\s+|that\s+)?(?![$\d])",
    re.IGNORECASE,
)
_MONEY_FIRST = re.compile(
    r"^(?:(?:i|we)\s+)?(?:just\s+)?(?:spent|paid|bought|forked\s+out|dropped|blew|shelled\s+out)\b|^(?:\$|\d)|"
    r"^(?:add|log|record|put)\s+(?:an?\s+)?(?:expense\s+(?:of\s+)?)?(?:\$|\d)",
    re.IGNORECASE,
)
_PURCHASE = re.compile(_words("bought|buy|purchased|spent|ordered"), re.IGNORECASE)


def _maintenance(s: _Sentence) -> Intent | None:
    task = entities.maintenance_task(s.text) or entities.repair_task(s.text)
    has_odo = any(
        q.kind in ("odometer", "km") and q.value >= 1000 for q in s.quantities
    ) or bool(
        re.search(r"\b(?:at|@)\s*\d{1,3}(?:,\d{3})+\b|\b(?:at|@)\s*\d{5,7}\b", s.text)
    )
    logging = bool(_LOG_TASK.match(s.text))
    if task is None:
        if re.match(
            r"^(?:log|record|add|note)\s+(?:some\s+|a\s+|the\s+)?(?:maintenance|service|repair|repairs|work)\b",
            s.low,
        ):
            pass
        else:
            return None
    if re.search(r"\bexpense\b", s.low) and not has_odo:
        return None
    event = bool(_MAINT_EVENT.search(s.text))
    action = entities.is_action_task(task)
    if _MONEY_FIRST.match(s.text) and not (has_odo or event):
        return None  # "spent $60 on a wheel alignment" is about the money: an expense
    if not (
        event
        or has_odo
        or (logging and not s.amount)
        or (action and (s.amount or logging))
    ):
        return None
    if (
        task
        and not action
        and _PURCHASE.search(s.text)
        and not has_odo
        and not re.search(_words("fitted|replaced|installed|changed"), s.low)
    ):
        return None
    slots: dict[str, Any] = {}
    if task:
        slots["task"] = task
    readings = [q for q in s.quantities if q.kind in ("odometer", "km")]
    next_due = None
    for q in readings:
        if re.search(
            r"\b(?:next|due|again)\b[^.]*$",
            s.text[max(0, q.start - 30) : q.start],
            re.IGNORECASE,
        ):
            next_due = q
            break
    current = next((q for q in readings if q is not next_due), None)
    if current is not None:
        slots["odometer_km"] = int(current.value)
    else:
        bare = re.search(r"\b(?:at|@)\s*(\d{1,3}(?:,\d{3})+|\d{5,7})\b", s.text)
        if bare:
            slots["odometer_km"] = int(bare.group(1).replace(",", ""))
    if next_due is not None:
        value = int(next_due.value)
        if re.search(r"\bin\s*$", s.text[: next_due.start]) and "odometer_km" in slots:
            value += slots["odometer_km"]
        slots["next_due_km"] = value
    cost = s.explicit_amount or s.amount
    if cost:
        slots["cost"] = cost.amount
    past = [
        d
        for d in s.past_dates
        if not re.search(
            r"\b(?:next|due)\b", s.text[max(0, d.start - 12) : d.start], re.IGNORECASE
        )
    ]
    slots["date"] = past[0].date if past else s.today
    due = [
        d
        for d in s.future_dates
        if re.search(
            r"\b(?:next|due)\b", s.text[max(0, d.start - 12) : d.end], re.IGNORECASE
        )
    ]
    if due:
        slots["next_due_date"] = due[0].date
    return Intent("log_maintenance", 0.9 if task else 0.7, slots)


_INCOME = re.compile(
    _words(
        "earned|earnt|earn|earning|got paid|get paid|was paid|were paid|been paid|"
        "paid me|pays me|paid us|income|received|receive|got a refund|refund(?:ed)?|"
        "sold|selling|wages?|salary|pension|dividends?|payment from|"
        "invoice (?:was )?paid|tips|deposited|cashback|reimbursed|reimbursement|"
        "side hustle|takings|pocketed|brought in|(?:job|shift|gig|work|client|boss|employer|contract) paid(?! for| to)"
    )
    + r"|\bmade\s+(?=\$|\d|a\s+(?:hundred|thousand|grand)|\w+\s+(?:dollars|bucks|hundred|grand))",
    re.IGNORECASE,
)
_NOT_INCOME = re.compile(
    _words("bill|invoice for|fine|charge|parking ticket|speeding"),
    re.IGNORECASE,
)


# "my super payment came through", "the pension landed": money arriving is income.
_MONEY_ARRIVED = re.compile(
    r"\b(?:payment|pay|wages?|super|pension|refund|money|transfer|salary|dividends?)\b[^.]{0,60}?"
    r"\b(?:came\s+(?:through|in)|landed|arrived|cleared|hit\s+(?:my|the|our)\s+(?:account|bank))\b",
    re.IGNORECASE,
)
# "got $480 for two days of caretaking": paid for time worked, whatever the place.
_PAID_FOR_TIME = re.compile(
    r"\bgot\s+(?:\$|\d)[^.]*?\bfor\s+(?:\d+|a|an|one|two|three|four|five|six|seven|a\s+few|a\s+couple\s+of)\s+"
    r"(?:days?|hours?|hrs?|weeks?|nights?|shifts?|months?)\b",
    re.IGNORECASE,
)


def _income(s: _Sentence) -> Intent | None:
    cue = _INCOME.search(s.text) or _MONEY_ARRIVED.search(s.text) or _PAID_FOR_TIME.search(s.text)
    got_from = (
        re.search(r"\bgot\s+(?:\$|\d)[^.]*?\b(?:from|for)\b", s.low) and s.category is None
    )
    if not (cue or got_from):
        return None
    if _NOT_INCOME.search(s.text) and not re.search(
        _words("earned|got paid|income|sold|selling"), s.low
    ):
        return None
    slots: dict[str, Any] = {}
    if s.amount:
        slots["amount"] = s.amount.amount
    spans = s.money_spans() + [(d.start, d.end) for d in s.past_dates]
    cleaned = entities.cut(s.text, spans)
    payer = re.match(
        r"^(?:the\s+|my\s+)?(?P<who>[\w' -]{2,40}?)\s+(?:paid|pays|transferred|sent)\s+(?:me|us)\b",
        cleaned,
        re.IGNORECASE,
    )
    giver = re.search(
        r"\b(?:from|by)\s+(?:the\s+|my\s+)?(?P<who>[\w' -]{2,60})$",
        cleaned,
        re.IGNORECASE,
    )
    source = (
        (payer or giver)["who"].strip()
        if (payer or giver)
        else entities.income_source(s.text, spans)
    )
    source = re.sub(r"^(?:a|an|the|my|our|some)\s+", "", source, flags=re.IGNORECASE)
    source = re.sub(r"\s+paid(?:\s+(?:me|us))?$", "", source, flags=re.IGNORECASE)  # "cleaning job paid 250"
    if source:
        slots["source"] = source[:120]
        slots["description"] = entities.capitalise(source)[:300]
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    return Intent("add_income", 0.9, slots)


_TRIP_STRONG = re.compile(
    r"\b(?:road\s*trip|trip|route|drive|driving|journey|itinerary|directions|travel(?:l?ing)?|head(?:ing)?|roadie|"
    r"trek|(?<!by\s)way|convoy)\b",
    re.IGNORECASE,
)
_TRIP_WEAK = re.compile(
    r"\b(?:(?:map|plot|work|figure|sort|set)\s+out|go|going|get|far|long|ride|cycle|fly|plan|plot|map)\b", re.IGNORECASE
)
_ROUTE_MARKER = re.compile(r"\b(?:from|to|via|through)\b|->|→", re.IGNORECASE)
_PLACE_TO_PLACE = re.compile(
    r"^(?:from\s+)?[A-Za-z][\w' .\-]{0,40}?\s+(?:to|->|→)\s+[A-Za-z0-9]", re.IGNORECASE
)


def _route_segment(masked: str, cues: list[re.Match[str]]) -> str:
    """The text after the last trip cue that comes before the route itself, else the text without its cues."""
    marker = _ROUTE_MARKER.search(masked)
    first = marker.start() if marker else len(masked)
    before = [c for c in cues if c.end() <= first]
    if before:
        return masked[max(c.end() for c in before) :]
    return entities.blank(masked, [c.span() for c in cues], " ")


# Money already spent on the way ("spent $30 on fuel driving Dubbo to Orange") is an expense, not a plan.
_SPENT_ON_THE_WAY = re.compile(_words("spent|paid|bought|purchased|cost me|charged|forked out|shelled out"), re.IGNORECASE)


def _trip(s: _Sentence) -> Intent | None:
    if s.money and _SPENT_ON_THE_WAY.search(s.text):
        return None
    spans = [(d.start, d.end) for d in s.future_dates] + time_spans(s.text)
    masked = entities.blank(s.text, spans, " ")
    strong = list(_TRIP_STRONG.finditer(masked))
    weak = list(_TRIP_WEAK.finditer(masked))
    typed = re.sub(r"\bI(?:'\w+)?\b", "", s.text)  # "I need a route melbourne to mildura" is typed in lower case
    mixed_case = typed != typed.lower() and typed != typed.upper()
    if strong or weak:
        found = entities.places(
            _route_segment(masked, strong + weak), mixed_case=mixed_case
        )
    elif _PLACE_TO_PLACE.match(s.text) and not s.money:
        found = entities.places(masked, mixed_case=mixed_case)
        if len(found) < 2:
            return None
    else:
        return None
    if weak and not strong and not (len(found) >= 2 or re.search(r"\bfrom\b", s.low)):
        return None
    if (
        strong
        and not found
        and not re.search(
            r"^(?:plan|map|plot|work\s+out|create|make|build|organi[sz]e|set\s+up|start|new|add)\b",
            s.low,
        )
    ):
        return None
    slots: dict[str, Any] = {}
    if len(found) >= 2:
        slots["places"] = found
    elif found:
        slots["destination"] = found[0]
    if s.future_dates and not re.search(
        r"\b(?:for|over)\s*$", s.text[: s.future_dates[0].start]
    ):
        slots["start_date"] = s.future_dates[0].date
    confidence = 0.9 if strong and found else 0.75 if found else 0.6
    return Intent("plan_trip", confidence, slots)


_EXPENSE_WORD = re.compile(
    _words(
        "expenses?|spent|spend|paid|pay|paying|bought|buy|purchased?|cost|costs|"
        "costing|charged|forked out|shelled out|dropped|blew|splashed out|bill|"
        "receipt|fees?|fare|tab|splurged|chucked"
    ),
    re.IGNORECASE,
)
_ADD_START = re.compile(
    r"^(?:add|log|record|put(?:\s+down)?|enter|note|track|save|chuck|stick|jot(?:\s+down)?|new)\b",
    re.IGNORECASE,
)


def _expense(s: _Sentence) -> Intent | None:
    spend = bool(_EXPENSE_WORD.search(s.text))
    adding = bool(_ADD_START.match(s.text))
    amount = (
        s.amount
        if (spend or adding or s.category or (s.amount and s.amount.explicit))
        else None
    )
    if amount is None and not spend and not adding:
        return None
    if amount is None and not (
        spend or (adding and (re.search(r"\bexpense\b", s.low) or s.category))
    ):
        return None
    slots: dict[str, Any] = {}
    if amount is not None:
        slots["amount"] = amount.amount
    slots["category"] = s.category or "other"
    date_spans = [(d.start, d.end) for d in s.past_dates]
    spans = s.money_spans() + date_spans + s.quantity_spans() + time_spans(s.text)
    merchant = entities.merchant(s.text, spans)
    if merchant:
        slots["merchant"] = merchant[:120]
    text = entities.description(s.text, spans)
    if text:
        slots["description"] = text[:300]
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    confidence = (
        0.9
        if amount is not None and (spend or adding)
        else 0.75
        if amount is not None
        else 0.7
    )
    return Intent("add_expense", confidence, slots)


def _list_command(s: _Sentence) -> Intent | None:
    return _query(s, question=True) if _LIST_VERB.match(s.low) or _BREAKDOWN.search(s.low) else None


def _help(s: _Sentence) -> Intent | None:
    if _HELP.match(s.low.strip(" ?.!")) or re.match(
        r"^(?:help|how\s+do\s+i\s+use)\b", s.low
    ):
        return Intent("help", 0.8)
    return None


def _is_question(s: _Sentence) -> bool:
    if _Q_START.match(s.low) or _REMIND_QUESTION.match(s.low) or _TALLY.match(s.low):
        return True
    return s.low.rstrip().endswith("?") and not _COMMAND_START.match(s.low)


def classify(text: str, today: dt.date | None = None) -> Intent:
    """The intent of one user message and its slots; `today` anchors every relative date (pass the user's today)."""
    today = today or dt.date.today()
    raw = (text or "").strip()
    small = _small_talk(raw)
    if small:
        return small
    cleaned = normalise(raw)
    if not cleaned.strip(" .!?,"):
        return Intent("greeting", 0.6) if raw else Intent("unknown", 0.0)
    s = _Sentence(cleaned, today)
    for rule in (_correction, _undo, _post, _schedule, _economy, _calendar, _navigate, _help):
        found = rule(s)
        if found:
            return found
    question = _is_question(s)
    found = _budget(s, question)
    if found:
        return found
    if question:
        found = _query(s, True)
        if found is None or found.name == "list_trips":  # "…can you plan that route?" names its places
            trip = _trip(s)
            found = trip if trip and len(trip.slots.get("places") or []) >= 2 else found or trip
        if found or _Q_START.match(s.low):
            return found or Intent("unknown", 0.2)
    for rule in (_list_command, _fuel, _maintenance, _income, _trip, _expense):
        found = rule(s)
        if found:
            return found
    return Intent("unknown", 0.1)
