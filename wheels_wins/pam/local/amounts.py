"""Money amounts in free text (litres, kilometres, odometer and price per litre: `quantities`).

An amount with a currency marker ("$45", "65 bucks", "AUD 20", "fifty dollars") is explicit.
A bare number ("make the budget 650", "no, it was 40") is only a candidate: it is kept when nothing
around it says it is something else — a date, a time, litres, kilometres, a year, a count of things
("2 pies", "3 nights") or a site/route/room number. `best_amount` picks the amount a sentence is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from wheels_wins.pam.local.brands import starts_with_brand
from wheels_wins.pam.local.dates import date_spans
from wheels_wins.pam.local.normalise import word_set
from wheels_wins.pam.local.quantities import CENT, NUM, parse_decimal, parse_quantity
from wheels_wins.pam.local.times import time_spans

_MULTIPLIERS = {
    "k": 1000,
    "grand": 1000,
    "thousand": 1000,
    "m": 1_000_000,
    "mil": 1_000_000,
    "million": 1_000_000,
}
_CURRENCY_CODES = {"aud": "AUD", "usd": "USD", "nzd": "NZD", "eur": "EUR", "gbp": "GBP"}
_SYMBOL_CODES = {
    "a$": "AUD",
    "au$": "AUD",
    "us$": "USD",
    "nz$": "NZD",
    "€": "EUR",
    "£": "GBP",
}


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount of money in text: exact value (2 dp), character span, and whether a currency marker was present."""

    amount: Decimal
    start: int
    end: int
    explicit: bool
    currency: str = "AUD"


def to_money(value: Decimal) -> Decimal:
    """Round to cents, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


_PREFIXED = re.compile(
    r"(?<![\w$])(?P<cur>(?:AUD|USD|NZD|EUR|GBP)\s?\$?|(?:A|AU|US|NZ)\$|\$|€|£)\s?(?P<num>"
    + NUM
    + r")(?!\d)"
    r"(?:(?P<mult>[km]\b|\s?(?:grand|thousand|million|mil)\b))?"
    r"(?P<tail>\s?(?:AUD|dollars?|bucks)\b)?",
    re.IGNORECASE,
)
_SUFFIXED = re.compile(
    r"(?<![\w$.,])(?P<num>"
    + NUM
    + r")(?:(?P<mult>k|\s?(?:grand|thousand|million))\b)?\s?"
    r"(?P<cur>dollars?|bucks?|aud|quid|pounds?(?!\s+of\b)|cents?|c(?=[\s.,!?;)]|$))(?![\w/])",
    re.IGNORECASE,
)
_GRAND = re.compile(r"(?<![\w$.,])(?P<num>" + NUM + r")\s?grand\b", re.IGNORECASE)
_SLANG = re.compile(
    r"\b(?P<word>a\s+tenner|a\s+fiver|a\s+grand|a\s+couple\s+of\s+grand|a\s+couple\s+grand)\b",
    re.IGNORECASE,
)
_SLANG_VALUES = {
    "a tenner": 10,
    "a fiver": 5,
    "a grand": 1000,
    "a couple of grand": 2000,
    "a couple grand": 2000,
}

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
_WORD_RE = "|".join(
    sorted([*_UNITS, *_TENS, *_SCALES, "a", "an", "and"], key=len, reverse=True)
)
_WORD_RUN = re.compile(r"\b(?:(?:" + _WORD_RE + r")(?:[\s-]+|\b))+", re.IGNORECASE)
_AFTER_WORDS = re.compile(r"\s?(?P<cur>dollars?|bucks?|aud|quid|pounds?(?!\s+of\b))\b", re.IGNORECASE)

_BARE = re.compile(
    r"(?<![\w$.,/:#@€£-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<mult>[kK])?(?![\w%/:°]|[.,]\d)"
)
_IN_CODE = re.compile(r"\w\($|>$")
_COUNT_UNITS = re.compile(
    r"\s*(?:days?|weeks?|fortnights?|months?|years?|yrs?|nights?|hours?|hrs?|mins?|minutes?|seconds?|secs?|people|persons?|"
    r"adults?|kids?|children|dogs?|pax|times|x\b|percent|per\s+cent|km|kms|kilomet|klicks?|litres?|liters?|ltrs?|l\b|"
    r"metres?|meters?|m\b|kg|kgs|tonnes?|stars?|o'?clock|octane|ron\b|series|door|wd\b|cyl|volts?|amps?|watts?|ah\b|"
    r"inch|foot|feet|ft\b|st\b|nd\b|rd\b|th\b|gallons?|gals?\b|miles?|mi\b|mpg)",
    re.IGNORECASE,
)
# What a bare amount was spent on, said after it: "75 diesel", "40 groceries" (but "12 beers" is a count).
_PAID_FOR_AFTER = word_set("diesel petrol unleaded fuel gas lpg premium groceries parking")
_FUNCTION_WORDS = word_set(
    "on for at in to from with of and or today tonight yesterday last this each a an per worth "
    "total all so but not instead including incl inc cash card eftpos the then just only that it "
    "is was ago bucks dollars please thanks cheers mate every monthly weekly max maximum tops odd "
    "ish please ugh argh ouch yikes geez jeez lol haha eek sigh oof phew wow too though now paid received spent"
)
_BEFORE_MONEY = re.compile(
    r"\b(?:earned|earnt|paid|spent|cost|costs|costing|made|received|charged|came\s+to|set\s+me\s+back|cleared|netted|"
    r"income)\s+"
    r"(?:me\s+|us\s+)?(?:the\s+|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+)?$|"
    r"\bfrom\s+\$?\d[\d,.]*k?\s+(?:up\s+|down\s+)?to\s+$|"  # "from 400 to 550": the new figure
    r"\b(?:should\s+(?:be|have\s+been|read)|make\s+(?:it|that)|change\s+(?:it|that)\s+to)\s+$",
    re.IGNORECASE,
)
# "powered site 42" is what the site cost (site 42 alone is its number).
_SITE_FEE = re.compile(r"\b(?:powered|unpowered|non-powered|camp|caravan|tent|van)\s+site\s*$", re.IGNORECASE)
_BEFORE_NOT_MONEY = re.compile(
    r"(?:\b(?:site|room|unit|bay|route|highway|hwy|exit|gate|number|no\.?|level|page|platform|top|odo|odometer|lot|row|"
    r"seat|table|aisle|version|step|day|week|model|year|since|circa|camp|pump|stall|space|spot|chapter|item|"
    r"bus|flight|phase|stage|zone|area|block|line|channel)\s*|#\s*)$",
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|of|year|until|till|by|from|circa|c\.)\s*$", re.IGNORECASE
)

def _words_value(words: list[str]) -> Decimal | None:
    """Value of a run of number words ("a hundred and twenty", "twelve hundred", "one fifty"), or None.

    Shop talk says the cents as a second number: "forty two fifty" is 42.50 and "twelve fifty" 12.50,
    while "one fifty" (a single digit before tens) is 150."""
    total, current, seen, previous = 0, 0, False, ""
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in ("a", "an"):
            if nxt not in _SCALES:
                return None
            current += 1
        elif word == "and":
            pass
        elif word in _UNITS:
            if i == len(words) - 1 and 10 <= _UNITS[word] <= 19 and previous in _UNITS and current % 100 > 20:
                return Decimal(total + current) + Decimal(_UNITS[word]) / 100  # "sixty seven twelve" is 67.12
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            if previous in _UNITS and 1 <= _UNITS[previous] <= 9 and current < 10:
                current *= 100  # "one fifty" is 150
            elif current % 100 and previous in (*_UNITS, *_TENS):
                cents = _cents_value(words[i:])
                if cents is not None:
                    return Decimal(total + current) + cents
            current += _TENS[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
            seen = True
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
            seen = True
        previous = word
    return Decimal(total + current) if seen else None


def _cents_value(words: list[str]) -> Decimal | None:
    """The cents of "... fifty" or "... fifty five" ending a run of number words, as a fraction; else None."""
    if len(words) > 2 or (len(words) == 2 and not 1 <= _UNITS.get(words[1], 0) <= 9):
        return None
    return Decimal(_TENS[words[0]] + (_UNITS[words[1]] if len(words) == 2 else 0)) / 100


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _money_value(raw: str, mult: str | None) -> Decimal | None:
    value = parse_decimal(raw)
    if value is None:
        return None
    if mult:
        value *= _MULTIPLIERS[mult.strip().lower()]
    return value


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z']+)", text[end:])
    return m.group(1).lower() if m else ""


def _bare_is_money(
    text: str, start: int, end: int, value: Decimal, has_mult: bool
) -> bool:
    tail = text[end:]
    if _COUNT_UNITS.match(tail):
        return False
    if _IN_CODE.search(text[max(0, start - 2) : start]) or tail.startswith("<"):
        return False  # "alert(1)", "<b>5</b>": code or markup, not money
    before = text[max(0, start - 14) : start]
    if _BEFORE_NOT_MONEY.search(before) and not _SITE_FEE.search(text[max(0, start - 20) : start]):
        return False
    if (
        not has_mult
        and value == value.to_integral()
        and 1900 <= value <= 2099
        and _YEAR_CONTEXT.search(before)
    ):
        return False
    digits = text[start:end].replace(",", "").split(".")[0]
    if digits.isdigit() and len(digits) >= 8:
        return False
    word = _next_word(text, end)
    if word and not tail[:1].isspace() and tail[:1].isalpha():
        return False
    if _BEFORE_MONEY.search(text[max(0, start - 20) : start]):
        return True  # "earned 180 doing a shift", "paid 250 yesterday"
    if re.fullmatch(r"\d{1,5}\.\d{1,2}", text[start:end]):
        return True  # dollars and cents: "caltex 64.10 fuel", "dinner 48.5 pub"
    if value >= 20 and starts_with_brand(tail):  # (a smaller number may count things: "12 bunnings snags")
        return True  # "new tyres 410 bob jane": paid there
    return (
        not word
        or word in _FUNCTION_WORDS
        or (word in ("more", "extra", "less") and value >= 10)  # "put 100 more", but "2 more nights" is a count
        or (word in _PAID_FOR_AFTER and value >= 10)  # "servo 75 diesel"
        or has_mult
        or bool(re.match(r"\s*[,.;:!?)\-]", tail))
    )


def parse_money(text: str, *, strict: bool = False) -> list[MoneyMention]:
    """Amounts of money in `text`, left to right. strict=True keeps only explicit ones (with a currency marker)."""
    excluded = [(q.start, q.end) for q in parse_quantity(text)]
    excluded += date_spans(text) + time_spans(text)
    found: list[MoneyMention] = []

    def add(
        value: Decimal | None,
        start: int,
        end: int,
        explicit: bool,
        currency: str = "AUD",
    ) -> None:
        if value is None or value < 0 or _overlaps(start, end, excluded):
            return
        if any(start < m.end and m.start < end for m in found):
            return
        found.append(MoneyMention(to_money(value), start, end, explicit, currency))

    for m in _PREFIXED.finditer(text):
        cur = m["cur"].replace(" ", "").lower()
        code = _CURRENCY_CODES.get(cur.rstrip("$"), _SYMBOL_CODES.get(cur, "AUD"))
        add(_money_value(m["num"], m["mult"]), m.start(), m.end(), True, code)
    for m in _SUFFIXED.finditer(text):
        value = _money_value(m["num"], m["mult"])
        cur = m["cur"].lower()
        if value is not None and cur in ("c", "cent", "cents"):
            value /= 100
        add(value, m.start(), m.end(), True, "AUD")
    for m in _GRAND.finditer(text):
        add(_money_value(m["num"], "grand"), m.start(), m.end(), True)
    for m in _SLANG.finditer(text):
        add(
            Decimal(_SLANG_VALUES[re.sub(r"\s+", " ", m["word"].lower())]),
            m.start(),
            m.end(),
            True,
        )
    for m in _WORD_RUN.finditer(text):
        tokens = [
            (t.group(0).lower(), m.start() + t.start(), m.start() + t.end())
            for t in re.finditer(r"[a-z]+", m.group(0), re.IGNORECASE)
        ]
        while tokens and tokens[-1][0] in ("a", "an", "and"):
            tokens.pop()
        while tokens and (
            tokens[0][0] == "and"
            or (
                tokens[0][0] in ("a", "an")
                and (len(tokens) < 2 or tokens[1][0] not in _SCALES)
            )
        ):
            tokens.pop(0)
        words = [t[0] for t in tokens]
        if words and all(w in _SCALES or w == "and" for w in words) and not _AFTER_WORDS.match(text, tokens[-1][2]):
            continue  # "Cape Le Grand", "thousand islands": a scale word alone is not an amount ("hundred bucks" is)
        value = _words_value(words) if words else None
        if value is None:
            continue
        start, end = tokens[0][1], tokens[-1][2]
        tail = _AFTER_WORDS.match(text, end)
        if tail is not None or words[-1] == "grand":
            add(Decimal(value), start, tail.end() if tail else end, True)
        elif (
            not strict
            and (value >= 10 or any(w in _SCALES for w in words))
            and _bare_is_money(text, start, end, Decimal(value), False)
        ):
            add(Decimal(value), start, end, False)
    if not strict:
        for m in _BARE.finditer(text):
            value = _money_value(m["num"], m["mult"])
            if value is not None and _bare_is_money(
                text, m.start(), m.end(), value, bool(m["mult"])
            ):
                add(value, m.start(), m.end(), False)
    found.sort(key=lambda mention: mention.start)
    return found


_DEMOTE_BEFORE = re.compile(
    r"(?:\bnot|\binstead\s+of|\brather\s+than|\bnot\s+the|\bwasn'?t|\bisn'?t|\bfrom|\bquoted(?:\s+(?:me|us))?|"
    r"\bquote\s+(?:of|was)|\bbeats\s+the|\bwanted|\basking|\bsaw\s+\w+\s+at)\s*$",
    re.IGNORECASE,
)
_PROMOTE_BEFORE = re.compile(
    r"(?:\bcost(?:s|ing)?(?:\s+me)?|\btotal(?:\s+(?:of|was))?|\bpaid|\bspent|\bcame\s+to|\bfor|\bto|\bwas|\bbe|\bis|"
    r"\bmake\s+(?:it|that)|\bbudget(?:\s+(?:of|at|to))?|\bearned|\bmade|\breceived|\bso|\bthat'?s|\bmaking)\s*$",
    re.IGNORECASE,
)
_PER_UNIT_AFTER = re.compile(
    r"\s*(?:an?|per|each)\s+(?:night|day|person|head|litre|liter|week|hour)\b|\s*each\b",
    re.IGNORECASE,
)


# "the camping budget is $500 right now, bump it up to $650": what it is now, not what it is to be
_NOW_AFTER = re.compile(r"\s*(?:right\s+now|at\s+the\s+moment|currently|at\s+present|atm|as\s+it\s+stands)\b", re.IGNORECASE)
_NOW_BEFORE = re.compile(r"\b(?:currently|presently|at\s+the\s+moment)\s+(?:at\s+|sits\s+at\s+)?$", re.IGNORECASE)
_WHOLE_AFTER = re.compile(r"\s*(?:all\s+up|in\s+total|total|altogether|all\s+told)\b", re.IGNORECASE)


def choose_amount(text: str, mentions: list[MoneyMention]) -> MoneyMention | None:
    """The mention a sentence is about: explicit beats bare; "not $30" and "from $30 (to ...)" lose; ties go left."""
    best, best_score = None, float("-inf")
    for mention in mentions:
        score = 10.0 if mention.explicit else 0.0
        before = text[max(0, mention.start - 16) : mention.start]
        if _DEMOTE_BEFORE.search(before):
            score -= 6
        elif _PROMOTE_BEFORE.search(before):
            score += 1
        if (_NOW_AFTER.match(text, mention.end) and not re.search(r"\bto\s*$", before)) or _NOW_BEFORE.search(before):
            score -= 3  # what it is now; "set it to $400 right now" is what it is to be
        if _PER_UNIT_AFTER.match(text, mention.end):
            score -= 2
        elif _WHOLE_AFTER.match(text, mention.end):
            score += 1  # "so $92 all up"
        if score > best_score:
            best, best_score = mention, score
    return best


def best_amount(text: str, *, allow_bare: bool = True) -> MoneyMention | None:
    """The amount of money `text` is about, or None (bare numbers count only when allow_bare)."""
    return choose_amount(text, parse_money(text, strict=not allow_bare))
