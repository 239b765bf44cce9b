"""Money received and money spent, said as a statement: "got paid $450 for the house sit", "$38 at the bakery"."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from wheels_wins.pam.local import entities
from wheels_wins.pam.local.amounts import parse_money
from wheels_wins.pam.local.date_words import COUNT_RE, count_of
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of, words
from wheels_wins.pam.local.times import time_spans

INCOME_WORDS = re.compile(
    words(
        "earned|earnt|earn|earning|got paid|get paid|been paid|"
        # "I was paid $50" is income; "$23.95 was paid at the chemist" is spending
        "(?:i|we|they|he|she) (?:was|were) paid|(?:was|were) paid (?:by|from|to me|to us)|"
        "paid me|pays me|paid us|income|received|receive|got a refund|refund(?:ed)?|"
        "sold|selling|sell (?:my|our|the|an?)|flogged|flog (?:my|our|the|an?)|wages?|salary|pension|dividends?|payment from|"
        "invoice (?:was )?paid|tips|deposited|cashback|reimbursed|reimbursement|"
        "side hustle|takings|pocketed|brought in|payout|paid out (?:me|us)|"
        "(?:client|customer|boss|employer|they) (?:(?:finally|just|has|have|already) )*paid (?:the|my|our) invoice|bought (?:one|some|a few|two|three|a couple|several) of (?:my|our)|(?:job|shift|gig|work|client|boss|employer|contract) paid(?! for| to)"
    )
    + r"|\b(?:made|cleared|netted|took\s+home)\s+(?=\$|\d|a\s+(?:hundred|thousand|grand)|\w+\s+(?:dollars|bucks|hundred|grand))"
    # "ebay sale 75 bucks, old tent": something of ours sold
    + r"|\b(?:ebay|gumtree|marketplace|etsy|craigslist|kijiji|trade\s*me)\s+sale\b|\bsale\s+of\s+(?:my|our|the)\b"
    # "the caretaking gig at Lake Argyle paid out $1,350"
    + r"|\b(?:gig|job|shift|contract|caretaking|house[\s-]?sit(?:ting)?|workamping)\b[^.$]{0,40}?\bpaid(?:\s+out)?\b(?!\s+(?:for|to))",
    re.IGNORECASE,
)
_NOT_INCOME = re.compile(
    words("bill|fine|charge|parking ticket|speeding")
    + r"|(?<!paid the )(?<!paid my )(?<!paid our )\binvoice\s+for\b",  # "the client paid the invoice for the shoot"
    re.IGNORECASE,
)


# "my super payment came through", "the pension landed": money arriving is income.
_MONEY_ARRIVED = re.compile(
    r"(?:\$|£|€)\s?\d[\d,.]*\s+(?:came\s+in|landed|hit\s+(?:my|our|the)\s+(?:account|bank))\b|"  # "so $560 came in"
    r"\b(?:payment|pay|pay\s*(?:check|cheque)|paycheck|wages?|super|pension|refund|money|cash|transfer|salary|dividends?|rent|"
    r"rental\s+income|interest|royalt(?:y|ies)|commission|bonus|tax\s+return|payout|invoice|deposit|social\s+security|"
    r"benefits?|annuity|revenue|proceeds|earnings|stipend|allowance|grant)\b(?:[^.]|\.(?=\d)){0,60}?"
    r"\b(?:came\s+(?:through|in)(?!\s+(?:handy|useful|at|on|under|over))|landed|arrived|cleared|"
    r"hit(?:\s+(?:my|the|our)\s+(?:account|bank))?|went\s+in)\b|"
    r"(?<!'ll\s)(?<!will\s)(?<!\bto\s)\b(?:have|has|'ve|had)\s+(?:had\s+)?(?:some\s+)?(?:money|cash|funds|payments?)\s+come\s+in\b|"  # "we have had some money come in"
    r"[$£€]\s?\d[\d,.]*k?\s+from\s+[\w' ]{2,30}?\s+(?:came\s+in|landed|hit\s+(?:my|our|the)\s+(?:account|bank))\b",  # "$1.8k from the agency hit the account"
    re.IGNORECASE,
)
# "got $480 for two days of caretaking": paid for time worked, whatever the place.
_PAID_FOR_TIME = re.compile(
    r"\bgot\s+(?:\$|\d)[^.]*?\bfor\s+(?:\d+|a|an|one|two|three|four|five|six|seven|a\s+few|a\s+couple\s+of)\s+"
    r"(?:days?|hours?|hrs?|weeks?|nights?|shifts?|months?)\b",
    re.IGNORECASE,
)


# "cherry picking paid 380", "the family … just transferred $1,350": someone else paid the user. A bill that
# "paid 720" ("rego paid 720") names an expense category, and "I/we paid" is spending.
_SOMEONE_PAID = re.compile(
    r"^(?!(?:i|we|i've|we've|i'd|we'd|just|paid|spent)\b)(?P<who>[\w' ]{3,80}?)\s+(?:just\s+)?"
    r"(?:paid(?:\s+out)?|transferred|sent|deposited|e-?transferred)\s+(?:me\s+|us\s+)?(?:\$|£|€|\d)",
    re.IGNORECASE,
)


def _someone_paid(s: Sentence) -> bool:
    m = _SOMEONE_PAID.match(s.text)
    if not m or re.search(r"\b(?:i|we|you)(?:'ve|'d)?\s*$", m["who"], re.IGNORECASE):
        return False  # "the day before yesterday we paid $42": the user paid
    return category_of(m["who"]) is None


_FOR_WORK = re.compile(
    r"\bfor\s+(?:the\s+|a\s+|my\s+|our\s+|some\s+)?(?:[\w-]+\s+)?(?:gig|job|shift|work|show|busking|performance|"
    r"house[\s-]?sit(?:ting)?|pet[\s-]?sit(?:ting)?|cleaning|caretaking|hosting|harvest|picking|painting|repairs?\s+i\s+did)\b"
    r"(?!\s+(?:tickets?|passes?|entry|merch))",
    re.IGNORECASE,
)
# "got my camp host check today", "the pay cheque came": pay received.
_PAY_RECEIVED = re.compile(
    r"\bgot\s+(?:my|our|the|a)\s+(?:[\w-]+\s+){0,2}?(?:cheque|paycheck|pay\s*check|pay\s*cheque|wages?|"
    r"(?:host|job|work|wage|refund|tax|pension|workamping)\s+check)\b",
    re.IGNORECASE,
)


_PAY_RATE_AND_TIME = re.compile(
    rf"\b(?:an?|per)\s+(?:hour|hr|day|shift|week)\b|\bfor\s+(?:{COUNT_RE})\s+(?:hours?|hrs?|days?|shifts?|weeks?)\b|"
    r"\b(?:all\s+up|in\s+total|altogether|came\s+in|landed)\b",
    re.IGNORECASE,
)


# "it's pension day", "payday shop": the day named, not money said to have come in
_PAY_DAY = re.compile(r"\b(?:pension|pay)\s*day\b(?!\s+(?:came|landed|arrived|went)\b)", re.IGNORECASE)


# "so put it in as $120 income", "add that to our income", "they paid the $640 invoice": it came in, whoever paid
_INVOICE_PAID = re.compile(
    r"(?-i:\b[A-Z][\w&'-]*)\s+paid\s+(?:my|our)\s+(?:\$?\d[\d,.]*\s+)?invoice\b|"  # "Kite Studio paid my invoice"
    r"\b(?:they|he|she|the\s+client|my\s+client|our\s+client)\s+(?:have\s+|has\s+)?paid\s+(?:my|our|the)\s+(?:\$?\d[\d,.]*\s+)?invoice\b",
    re.IGNORECASE,
)
_INCOME_SAID = re.compile(
    r"\b(?:as|to|in|into|under)\s+(?:our\s+|my\s+|the\s+)?(?:\$?\d[\d,.]*\s+)?income\b|\bsold\b|" + _INVOICE_PAID.pattern,
    re.IGNORECASE,
)


def income(s: Sentence) -> Intent | None:
    """add_income when the sentence says money came in (pay, a sale, a transfer from someone), else None."""
    if NOT_OURS.search(s.text) and not _INCOME_SAID.search(s.text):
        return None
    # "pension day! … the big shop at Coles, $243.85": the day named, money spent; "Pension day, $1,802 in" is income
    said = _PAY_DAY.sub(lambda m: " " * len(m.group(0)), s.text) if s.category else s.text
    cue = (
        (_PAY_DAY.search(s.text) if not s.category else None)  # "Pay day! $1,950 from the mine"
        or INCOME_WORDS.search(said)
        or _MONEY_ARRIVED.search(said)
        or _PAID_FOR_TIME.search(s.text)
        or _PAY_RECEIVED.search(s.text)
        or _someone_paid(s)
        or _INVOICE_PAID.search(s.text)
    )
    # "got 1.2k for the house sit": a decimal point is no full stop
    got_from = re.search(r"\bgot\s+(?:\$|\d)(?:[^.]|\.(?=\d))*?\b(?:from|for)\b", s.low) and (
        s.category is None or _FOR_WORK.search(s.low)  # "got $500 for the gig in Byron" is pay, not tickets
    )
    if not (cue or got_from):
        return None
    if _NOT_INCOME.search(s.text) and not re.search(words("earned|got paid|income|sold|selling"), s.low):
        return None
    slots: dict[str, Any] = {}
    if s.amount:
        slots["amount"] = s.amount.amount
    spans = s.money_spans() + [(d.start, d.end) for d in s.past_dates]
    spans += [m.span() for m in _PAY_RATE_AND_TIME.finditer(s.text)]  # "at $28 an hour for 20 hours"
    cleaned = entities.without_requested_kind(entities.cut(s.text, spans))
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
    source = (payer or giver)["who"].strip() if (payer or giver) else entities.income_source(s.text, spans)
    source = re.sub(r"^(?:a|an|the|my|our|some)\s+", "", source, flags=re.IGNORECASE)
    source = re.sub(
        r"(?:\s+deposit)?\s+(?:came\s+(?:in|through)|landed|arrived|cleared|hit(?:\s+(?:my|the|our)\s+(?:account|bank))?|went\s+in)$",
        "", source, flags=re.IGNORECASE
    )  # "my bonus landed"
    source = re.sub(r"\s+paid(?:\s+out)?(?:\s+(?:me|us))?$", "", source, flags=re.IGNORECASE)  # "cleaning job paid 250"
    source = re.sub(r"\s+(?:(?:just|finally|has|have|already)\s+)*paid\s+(?:the|my|our)\s+invoice$", "", source,
                    flags=re.IGNORECASE)  # "my client just paid the invoice"
    source = re.sub(r"'s(?:\s+in)?$", "", source.strip())  # "Pension's in, $1,802.40"
    if re.match(r"(?:money|cash|funds)\b(?!.*\bfrom\b)", source, re.IGNORECASE):
        source = ""  # "we've had some money come in (that I should like noted)": who paid is still to be said
    if source:
        slots["source"] = source[:120]
        slots["description"] = entities.capitalise(source)[:300]
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    return Intent("add_income", 0.9, slots)


EXPENSE_WORDS = re.compile(
    words(
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


# A story long enough that what the money went on is best read near the amount, not anywhere in it.
_STORY_WORDS = 20
_CLAUSE_BREAK = re.compile(
    r"[.!?;]\s+|,\s*|\s+(?:but|so|then)\s+|"
    r"\s+and\s+(?=(?:we|i|they|he|she|this|then|after|later|now|today|tonight|yesterday)\b)",  # not "fish and chips"
    re.IGNORECASE,
)


_AMOUNT_ONLY = re.compile(
    r"[$£€]?\d[\d,.]*|\b(?:all\s+up|in\s+total|total|altogether|all\s+told|so|and|just|only|about|around)\b|[^\w\s]",
    re.IGNORECASE,
)


def _about_the_amount(s: Sentence) -> Sentence | None:
    """In a long story with one amount, the clause that holds it ("... the water is amazing and this arvo we did
    the boat tour which was $120 for all four of us" → "this arvo we did the boat tour which was $120 for all four
    of us"), so that the water is not what was paid for; None for a short message or several amounts."""
    if len(s.text.split()) < _STORY_WORDS or len(s.money) != 1:
        return None
    money = s.money[0]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s.text, 0, money.start)]
    after = _CLAUSE_BREAK.search(s.text, money.end)
    end = after.start() if after else len(s.text)
    clause = s.text[breaks[-1] if breaks else 0 : end]
    while breaks and len(_AMOUNT_ONLY.sub(" ", clause).split()) < 2:  # ", $243.85 all up": what it was is before
        breaks.pop()
        clause = s.text[breaks[-1] if breaks else 0 : end]
    return Sentence(clause, s.today) if len(clause.split()) < len(s.text.split()) else None


# "$25 a night" with "2 nights" said too, "$15 a head and there were two of us", "$12 each for 3 tickets": the total
# is what was paid.
_RATE_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|/)\s*(?P<unit>night|day|person|head|adult)\b|(?P<each>each|apiece|a\s+pop|pp)\b)", re.IGNORECASE
)
_PEOPLE = r"people|persons|adults|heads|kids|children|guests|pax|of\s+us"
_UNITS_OF = {
    "night": "nights?", "day": "days?", "person": _PEOPLE, "head": _PEOPLE, "adult": r"adults|people",
    "each": _PEOPLE + r"|tickets|passes|entries|meals|items|pies|coffees|drinks|beers|bottles|bags|loads",
}
# "both of us", "x4", "times 3": a count said without its unit
_BARE_COUNT = re.compile(rf"\bboth\s+of\s+us\b|(?:\bx\s?|\btimes\s+)(?P<n>{COUNT_RE})\b", re.IGNORECASE)
# The words that say how many, left out of the description: "and there were two of us", "for the 3 of us"
_COUNT_CLAUSE = rf"(?:,?\s*(?:and\s+)?(?:there\s+(?:were|was|are)\s+)?(?:for\s+)?(?:the\s+|all\s+)?)?(?:{COUNT_RE})\s+of\s+us\b"


# "the rego was due … but I paid it online": how it was paid is no part of what it was
_PAID_IT_ANYWAY = re.compile(
    r"\s+but\s+(?:i|we)\s+(?:paid|settled|did)\s+(?:it|that|for\s+it)\b(?:\s+(?:online|in\s+cash|by\s+card|over\s+the\s+phone))?",
    re.IGNORECASE,
)
_A_PICK = re.compile(r"^(?:the\s+)?\$?\d+(?:\.\d{1,2})?\s+one\s*[.!?]*$", re.IGNORECASE)
# "$180, which beats the $35 they wanted for …": a price compared, no part of what was bought
_COMPARED = re.compile(
    r",?\s*\b(?:which|that)\s+(?:beats|(?:is|was)\s+(?:better|cheaper|less|more|dearer)\s+than|saved\s+(?:me|us))\b[^,.;]*",
    re.IGNORECASE,
)
# ", log the total": the request, no part of what was bought
_LOG_THE_TOTAL = re.compile(
    r"(?:,\s*|\s+)(?:(?:please|just|so)\s+)?(?:log|add|record|note|enter|put\s+(?:down|in))\s+(?:the\s+(?:total|lot)|it|that)\b"
    r"[\s.!]*$",
    re.IGNORECASE,
)


# "… but I only paid for mine", "we each paid our own": one share was ours, however many went
_OWN_SHARE = re.compile(
    r"\b(?:only|just)\s+(?:paid|covered|got)\s+(?:for\s+)?(?:mine|myself|me|my\s+own|one|my\s+(?:one|ticket|share|bit))\b|"
    r"\b(?:each|all)\s+paid\s+(?:for\s+)?(?:our|their)\s+own\b|\b(?:they|he|she)\s+paid\s+for\s+(?:theirs|his|hers|their\s+own)\b",
    re.IGNORECASE,
)


def _rate_times_count(s: Sentence) -> Decimal | None:
    """The total of a price per night, day, person or item when the message also says how many ("paid for 2 nights
    at the showground, $25 a night" → 50, "$15 a head and there were two of us" → 30), or None."""
    rate = _RATE_AFTER.match(s.text, s.amount.end) if s.amount else None
    if s.amount is None or rate is None or _OWN_SHARE.search(s.text):
        return None
    unit = "each" if rate["each"] else rate["unit"].lower()
    counted = re.compile(rf"\b(?P<n>{COUNT_RE})\s+(?:{_UNITS_OF[unit]})\b", re.IGNORECASE)
    found = [m for m in counted.finditer(s.text) if not (m.start() < rate.end() and rate.start() < m.end())]
    found += [m for m in _BARE_COUNT.finditer(s.text) if unit not in ("night", "day")]
    for m in found:
        count = count_of(m["n"]) if m["n"] else 2  # "both of us"
        # another amount is the count itself ("3 of us" reads as $3) or the sum is not ours to work out
        others = [x for x in s.money if x is not s.amount and not (m.start() <= x.start and x.end <= m.end())]
        if count > 1 and not others:
            return s.amount.amount * count
    return None


# Money said of someone else or of prices in general: "my mate reckons he paid $3,000 for his solar",
# "caravan parks on the Gold Coast are charging ninety bucks a night", "last year we spent about twelve grand all up".
NOT_OURS = re.compile(
    r"\b(?:my|our|a|the)\s+(?:mate|friend|neighbou?r|brother|sister|dad|mum|father|mother|son|daughter|cousin|"
    r"uncle|aunt|boss|bloke|guy|lady)'?s?\s+(?:\w+\s+){0,2}?(?:reckons|said|says|told|paid|spent|bought|got|earned|made)\b"
    r"(?!\s+(?:me|us)\b)|"
    r"\b(?:he|she|they)\s+(?:reckons?|said|says|paid|spent|bought|earned|made|charged?)\b(?!\s+(?:me|us)\b)|"
    r"\b(?:are|is|were)\s+(?:now\s+)?charging\b|\bcan\s+you\s+believe\b|"
    r"\b(?:last|this)\s+(?:year|month)\s+(?:we|i)\s+spent\s+(?:about|around|roughly|nearly|over|almost)\b|"
    r"\b(?:brother|sister|father|mother|son|daughter)-in-law\b|\bjust\s+dropped\s+\$|"  # someone else's purchase
    r"\b(?:saw|seen|spotted)\s+(?:\w+\s+){0,2}?at\s+\$|"  # "saw unleaded at $1.79 in Griffith": a price seen, not paid
    r"\blast\s+year\b[^.!?]*\b(?:good\s+memories|those\s+were\s+the\s+days|back\s+then)\b|"
    r"\b(?:good\s+memories|those\s+were\s+the\s+days)\b",
    re.IGNORECASE,
)
# "Anyway, log $22.90 at the chemist …": our own request among someone else's story.
_OWN_CLAUSE = re.compile(
    r"(?:^|[.!?]\s+|\banyway,?\s+|\bbut\s+)(?P<clause>(?:(?:can|could)\s+you\s+)?(?:log|add|record|put\s+in|pop\s+in|"
    r"(?:i|we)\s+(?:paid|spent|bought))\b(?:[^.!?]|\.(?=\d))*)",
    re.IGNORECASE,
)


def _own_request(s: Sentence, rule: Callable[[Sentence], Intent | None]) -> Intent | None:
    """The rule applied to the one clause that asks to record our own money, when the message is mostly about
    someone else's."""
    for m in _OWN_CLAUSE.finditer(s.text):
        clause = m["clause"].strip()
        if not NOT_OURS.search(clause) and parse_money(clause):
            return rule(Sentence(clause, s.today))
    return None


def expense(s: Sentence) -> Intent | None:
    """add_expense when the sentence records spending (an amount and what it went on), else None."""
    if _A_PICK.match(s.text):  # "the $85 one": which of some listed, never a purchase of its own
        return None
    if NOT_OURS.search(s.text):
        return _own_request(s, expense)
    spend = bool(EXPENSE_WORDS.search(s.text))
    adding = bool(_ADD_START.match(s.text))
    amount = s.amount if (spend or adding or s.category or (s.amount and s.amount.explicit)) else None
    if amount is None and not spend and not adding:
        return None
    if amount is None and not (spend or (adding and (re.search(r"\bexpense\b", s.low) or s.category))):
        return None
    slots: dict[str, Any] = {}
    if amount is not None:
        slots["amount"] = _rate_times_count(s) or amount.amount
    focus = _about_the_amount(s)
    slots["category"] = (focus and focus.category) or s.category or "other"
    merchant, text = _merchant_and_description(focus) if focus else ("", "")
    if not text:
        merchant, text = _merchant_and_description(s)
    if merchant:
        slots["merchant"] = merchant[:120]
    if text:
        slots["description"] = text[:300]
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    confidence = 0.9 if amount is not None and (spend or adding) else 0.75 if amount is not None else 0.7
    return Intent("add_expense", confidence, slots)


def _merchant_and_description(s: Sentence) -> tuple[str, str]:
    """The shop named and what was bought, with amounts ("$25 a night" whole), dates, quantities and times left out."""
    spans = s.money_spans() + [(d.start, d.end) for d in s.past_dates] + s.quantity_spans() + time_spans(s.text)
    spans += [(m.start, rate.end()) for m in s.money if (rate := _RATE_AFTER.match(s.text, m.end))]
    spans += [m.span() for m in re.finditer(_COUNT_CLAUSE, s.text, re.IGNORECASE)]
    spans += [m.span() for m in _BARE_COUNT.finditer(s.text)]
    spans += [m.span() for m in _LOG_THE_TOTAL.finditer(s.text)]
    spans += [m.span() for m in _PAID_IT_ANYWAY.finditer(s.text)]
    spans += [m.span() for m in _COMPARED.finditer(s.text)]
    spans += [m.span() for m in re.finditer(r"\b(?:all\s+up|in\s+total|altogether|all\s+told)\b", s.text, re.IGNORECASE)]
    spans += [(m.start(), len(s.text)) for m in re.finditer(r",?\s*\b(?:but|and|so)?\s*(?:i|we)\s+(?=" + _OWN_SHARE.pattern
                                                            + ")", s.text, re.IGNORECASE)]
    return entities.merchant(s.text, spans) or "", entities.description(s.text, spans)
