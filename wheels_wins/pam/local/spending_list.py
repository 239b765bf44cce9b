"""Several purchases said in one breath: "spent 40 at aldi and 25 on coffees this morning" is two expenses.

The sentence is cut between its amounts at a comma, full stop, "and", "plus", "&" or "+" (with none of those, just
before an amount that starts a purchase: "... at foodland 15 on parking"), and each part is read on its own. Of
the possible cuts, the one whose parts name the most categories and shops wins ("groceries $40, coffee and cake
$25" cuts at the comma, "$40 at aldi and $25 on coffees" at "and"). A date said once ("... this morning") holds
for every part that names none. Anything that is not plainly a list of purchases is left whole: a total, a share,
change given back, or a part that reads as something other than spending.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from wheels_wins.pam.local.intents import classify
from wheels_wins.pam.local.normalise import normalise
from wheels_wins.pam.local.sentence import Intent, Sentence

_SEPARATOR = re.compile(
    r"\s*(?:,|;|\.(?=\s))\s*(?:and\s+|plus\s+|then\s+)?|\s+(?:and|plus|&|\+|then)\s+", re.IGNORECASE
)  # "Yesterday: caravan park 42. Dinner in pub 55. Parking 6" cuts at the full stops
# Sentences whose amounts relate to each other rather than list purchases.
_NOT_A_LIST = re.compile(
    r"\b(?:each|apiece|per\s+(?:person|head|night|litre|liter|l|kg)|share|split|halves|change|back|refund|total|"
    r"altogether|in\s+all|all\s+up|tip|tipped|incl(?:uding|\.)?|of\s+which|out\s+of|instead|not|rather|"
    r"between|budget|litres?|liters?|gallons?|km|kms|miles|odo(?:meter)?|price|reduced|discount|off)\b|%",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_REFERENCE = re.compile(r"\b(?:the|that|this|use|so\s+(?:log|record|put|pop|add|enter))\s*$", re.IGNORECASE)
_STARTS_PURCHASE = re.compile(r"\s\$?\d[\d.,]*\s+(?:on|for|at)\b", re.IGNORECASE)
_SPEND_VERB = re.compile(r"^(?:i\s+|we\s+)?(?:spent|paid|bought|got|grabbed|added)\b", re.IGNORECASE)
_MAX_ITEMS = 6
_MAX_CUTS = 16  # ways of cutting tried; more separators than that and the sentence is not a plain list


def _score(parts: list[Intent]) -> int:
    return sum((p.slots.get("category") not in (None, "other")) + bool(p.slots.get("merchant")) for p in parts)


def _read(part: str, verb: str, today: dt.date) -> Intent | None:
    """The part as an expense of its own ("25 on coffees", lent the first part's "spent" when it has no verb)."""
    text = part if _SPEND_VERB.match(part) or not verb else f"{verb} {part}"
    intent = classify(text, today)
    money = Sentence(normalise(text), today).money
    if intent.name != "add_expense" or intent.missing or len(money) != 1:
        return None
    return intent


def _cuts(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Where the text between two amounts may be cut: at a separator, or, with none, just before the second amount
    when it starts a purchase of its own ("... at foodland 15 on parking")."""
    found = list(_SEPARATOR.finditer(text, start, end))
    if found or not _STARTS_PURCHASE.match(text, end - 1):
        return found
    space = _SPACE.match(text, end - 1)
    return [space] if space else []


def spending_items(text: str, today: dt.date) -> list[Intent] | None:
    """One add_expense intent per purchase when `text` lists two or more, each with its own amount; else None."""
    s = Sentence(normalise(text), today)
    money = s.money
    if not 2 <= len(money) <= _MAX_ITEMS or _NOT_A_LIST.search(s.text):
        return None
    if any(later.amount == earlier.amount and _REFERENCE.search(s.text, 0, later.start)
           for earlier, later in itertools.combinations(money, 2)):
        return None  # "we paid $22.80 for the aire … so use the $22.80": one purchase, said twice
    gaps = [_cuts(s.text, left.end, right.start) for left, right in itertools.pairwise(money)]
    if not all(gaps) or len(list(itertools.product(*gaps))) > _MAX_CUTS:
        return None
    lead = _SPEND_VERB.match(s.text)
    verb = lead.group(0) if lead else ""
    dates = s.past_dates
    best: tuple[tuple[int, int], list[Intent]] | None = None
    for cuts in itertools.product(*gaps):
        bounds = [0, *(i for cut in cuts for i in (cut.start(), cut.end())), len(s.text)]
        pieces = [s.text[a:b].strip(" ,;.") for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
        parts = [_read(piece, verb, today) for piece in pieces]
        if any(p is None for p in parts):
            continue
        read = [p for p in parts if p is not None]
        punctuated = sum(bool(re.search(r"[,;.]", cut.group(0))) for cut in cuts)  # a comma is the surer cut
        score = (_score(read), punctuated)
        if best is None or score > best[0]:
            best = (score, read)
    if best is None:
        return None
    items = best[1]
    if len(dates) == 1:  # said once, it holds for every purchase
        items = [Intent(i.name, i.confidence, {**i.slots, "date": dates[0].date}) for i in items]
    return items
