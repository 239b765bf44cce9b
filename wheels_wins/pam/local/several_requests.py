"""Several requests of different kinds in one message: "Pension's in, $1,802.40, and we went straight to Aldi and
spent $156.35. While you're at it, make the groceries budget $750 a month", "Fish and chips at the pub, $62.40. Oh,
and remind us the day after tomorrow to get the gas bottle refilled".

The message is cut into sentences, and a sentence again before "and we spent …" or "and remind us …"; each part is
read on its own. When two or more parts are complete requests that make or change records, each is carried out;
otherwise the message is read whole (a purchase told over two sentences is one purchase)."""

from __future__ import annotations

import datetime as dt
import re

from wheels_wins.pam.local import entities
from wheels_wins.pam.local.intents import classify
from wheels_wins.pam.local.normalise import normalise, sentences
from wheels_wins.pam.local.sentence import Intent, Sentence
from wheels_wins.pam.local.story_requests import IT_COST

# "…, and we went straight to Aldi and spent $156.35", "…, and remind us …": a second request in the same sentence
_CLAUSE = re.compile(
    r"\s+and\s+(?=\d[\d.]*\s?(?:l|litres?|liters?)\b)|"  # "40L $92 at Balladonia and 35L $84.70 at Norseman"
    r",?\s+(?:and\s+)?while\s+you'?re\s+at\s+it,?\s+|"  # "…, and while you're at it add the $96.40 for the ferry"
    r",?\s+(?:and\s+then|and|then|plus)\s+(?:also\s+)?(?=(?:(?:i|we)\s+(?:then\s+|also\s+)?(?:went|spent|paid|bought|got|"
    r"filled|put|picked\s+up)\b)|(?:remind|set|make|add|put|log|plan|book|cancel|move|pop)\b)",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:oh|ok(?:ay)?|right|also|and|plus|then|oh\s+and|while\s+you'?re\s+at\s+it|while\s+i\s+think\s+of\s+it|"
    r"one\s+more\s+thing|another\s+thing)[\s,:;-]+)+",
    re.IGNORECASE,
)
# Requests that make or change a record of their own (questions and follow-ups are read with the whole message).
_ACTIONS = frozenset({
    "add_expense", "add_income", "set_budget", "change_budget", "log_fuel", "log_maintenance", "add_calendar",
    "plan_trip", "create_post", "add_schedule",
})
_MAX_PARTS = 8
_LEANS_ON_BEFORE = re.compile(
    r"(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:plan|map|plot|book|move|change)\s+(?:it|that|this)\b|"
    + IT_COST,  # "… the oil and filter. It cost $265.80."
    re.IGNORECASE,
)
# Questions asked after the requests ("… And while you're at it, what's our camping spend for the month now?"): answered
# once the records are made, so they count what was just added.
_QUESTIONS = frozenset({"spending_query", "budget_status", "income_query", "net_query", "fuel_query", "fuel_economy",
                        "maintenance_due", "upcoming_events"})
_GOING = re.compile(r"\b(?:get|go|drive|head|come|travel|ride|walk|fly|arrive|move|return)\s*$", re.IGNORECASE)
_THERE = re.compile(r"(?<!\bover\s)(?<!\bout\s)\bthere\b(?!\s+(?:is|are|was|were|'s)\b)", re.IGNORECASE)
# A fact told as background, not something that happened: "Last month groceries were $680", "the dentist is $250"
_NOT_A_RECORD = re.compile(
    r"\b(?:usually|normally|always|typically|generally|every\s+(?:day|week|fortnight|month|year|time)|"
    r"per\s+(?:week|fortnight|month|year)|"
    r"a\s+(?:week|fortnight|month|year)|last\s+(?:month|year)|(?:is|are)\s+(?:about\s+|around\s+)?[$£€]?\d)",
    re.IGNORECASE,
)


_AMOUNTS_COMPARED = re.compile(r"\b(?:not|or|instead\s+of|rather\s+than|than|from)\s+[$£€]?\d", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """A sentence's requests: cut at "and remind …"-like joins, or at "+" or commas when each piece has its own amount
    ("fuel 62L $131 + coffee $9", "market takings $530, stall fee was $45")."""
    clauses = _CLAUSE.split(sentence)
    added = sentence.split(" + ")  # "fuel 62L $131 + coffee $9", but not "oil + filter $96"
    if len(clauses) == 1 and len(added) >= 2 and all(re.search(r"[$£€]\s?\d", piece) for piece in added):
        return added
    pieces = sentence.split(", ")
    if len(clauses) == 1 and len(pieces) >= 2 and all(re.search(r"[$£€]\s?\d", piece) for piece in pieces) \
            and not _AMOUNTS_COMPARED.search(sentence):  # "should be $420, not $240" is one amount, corrected
        return pieces
    return clauses


def several_requests(text: str, today: dt.date) -> list[Intent] | None:
    """The requests of a message that makes several records of different kinds, or None for one request."""
    parts = [part for sentence in sentences(normalise(text)) for part in _clauses(sentence)]
    if not 2 <= len(parts) <= _MAX_PARTS:
        return None
    found: list[Intent] = []
    place = None
    for part in parts:
        said = _LEAD.sub("", part.strip()).strip(" ,.")
        if _LEANS_ON_BEFORE.match(said):
            return None  # "I need to get from Christchurch to Dunedin next week. Plan it via Timaru": one request
        there = _THERE.search(said) if place else None
        if there:  # "… the campsite near Windsor. … put our arrival there in the calendar"; "get there early": to it
            said = f"{said[: there.start()]}{'to' if _GOING.search(said, 0, there.start()) else 'at'} {place}{said[there.end():]}"
        place = entities.town(said) or place
        intent = classify(said, today, follow_up=False) if len(said.split()) >= 2 else None
        happened = intent is not None and intent.name in ("add_expense", "add_income", "log_fuel", "log_maintenance")
        if happened and (_NOT_A_RECORD.search(said) or len(Sentence(said, today).money) > 1):
            continue  # "Our pension is $1,800 a fortnight.", "Coffee was $5 and lunch $20": a fact or a list, said whole
        a_trip = intent is not None and intent.name == "plan_trip"
        if a_trip and not re.search(r"\b(?:trip|route|plan|drive|driving|head|heading|travel|itinerary)\b", said, re.IGNORECASE):
            continue  # "They want to check them again at 138,300 km": no trip, whatever "at" it names
        if intent and intent.name in _ACTIONS and intent.confidence >= 0.75 and not intent.missing:
            if intent.name == "log_fuel" and found and not Sentence(said, today).past_dates:
                intent = Intent("log_fuel", intent.confidence, {**intent.slots, "date": found[0].slots.get("date", today)})
            found.append(intent)
        elif intent and intent.name in _QUESTIONS and found and intent.confidence >= 0.8:
            found.append(intent)
    kinds = {intent.name for intent in found}
    amounts = [intent.slots.get("amount") for intent in found if intent.slots.get("amount") is not None]
    fills = kinds == {"log_fuel"} and len({i.slots.get("total_cost") for i in found}) == len(found)  # two fill-ups
    if len(found) < 2 or (len(kinds) < 2 and not fills) or len(amounts) != len(set(amounts)):
        return None  # one request (or one purchase told twice): the whole message says it
    return found
