"""Questions and reports PAM answers from the records: spending, income, what was saved, fuel bought, budgets left,
maintenance due, events, trips and the feed ("how much did we spend on fuel this month?", "show me my trips")."""

from __future__ import annotations

import re
from typing import Any

from wheels_wins.pam.local import entities, vehicle_tasks
from wheels_wins.pam.local import question_cues as cues
from wheels_wins.pam.local.brands import brand_named
from wheels_wins.pam.local.date_words import count_of
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.holidays import HOLIDAY_GATE
from wheels_wins.pam.local.periods import compared_months, named_period, resolve_period
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of, words
from wheels_wins.services.categories import categories_named

_SPENDING_WORDS = re.compile(
    words(
        "spen[dt](?!\\s+(?:a|the|one|two|three|\\d+|some|our|my)\\s+(?:nights?|days?(?!\\s+(?:before|after|ago))|weeks?|time|while|arvo|afternoon|morning|evening)\\b)|"
        "spending(?!\\s+(?:a|the|one|two|three|\\d+|some|our|my)\\s+(?:nights?|days?(?!\\s+(?:before|after|ago))|weeks?|time|while|arvo|afternoon|morning|evening)\\b)|"
        "expenses?|outgoings|costs?|costing|paid|pay|blown|blew|blow|"
        "splurged|gone on|go on|went on|gone out|went out|going out|forked out|shelled out|used|the (?:total )?damage"
    ),
    re.IGNORECASE,
)
# "add up my income for this month", "tally what we've spent": a sum asked for, not something to record.
TALLY = re.compile(
    r"^(?:add\s+up|tally(?:\s+up)?|total\s+up|sum\s+up|work\s+out\s+(?:how\s+much|what|the\s+total)|(?:the\s+)?(?:grand\s+)?"
    r"total\s+(?:of|for|at)|what'?s\s+the\s+(?:grand\s+)?total|total\s+(?:spending|spend|spent|expenses|outgoings|costs))\b|"
    # "bunnings total for this month", "fuel spend last week": a shop or category, then its total over a period
    r"^(?![^$]*\$|.*\d)(?:my\s+|the\s+|our\s+)?[\w'&-]+(?:\s+[\w'&-]+)?\s+(?:total|spend|spending)\s+(?:for\s+|so\s+far|since\b|in\s+)?"
    r"(?:this|last|the|today|yesterday|so\s+far|\w+uary|march|april|may|june|july|august|\w+ember|october)\b",
    re.IGNORECASE,
)
_TOTAL_WORDS = re.compile(
    words(
        "how much|total|totals|sum|altogether|overall|in total|tally|add up|"
        "breakdown|summary|so far|what did|what have|what has|what'?s my|what is my|"
        "what was my|whats my|what'?s the (?:total )?damage|whats the (?:total )?damage|what has (?:that|it|this)|cost us|cost me|"
        "set us back|set me back|come to|came to"
    ),
    re.IGNORECASE,
)
_INCOME_Q = re.compile(
    words(
        "earn|earned|earnt|earnings|income|made|make|received|get paid|got paid|brought in|bring in|bringing in|brings in|takings|revenue|pay me|paid me|pay us|paid us|wages|salary|pension|"
        "come in|came in|come through|came through"
    ),
    re.IGNORECASE,
)
# "how much have I saved this month?", "are we ahead?": what is left of the income, asked.
_NET_Q = re.compile(
    r"\b(?:saved|save|net|left\s+over|surplus|deficit|profit|in\s+the\s+(?:black|red)|ahead|behind|"
    r"break(?:ing)?\s+even)\b",
    re.IGNORECASE,
)
# "income minus spending this month", "earnings vs spending": the same, however it is said.
_INCOME_VS_SPENDING = re.compile(
    r"\b(?:spen[dt]|spending)\s+more\s+than\s+(?:(?:i|we)(?:'m|'re|\s+am|\s+are)?\s+)?(?:earn|earning|make|making|bring|bringing)|"
    r"\b(?:earn|earning|make|making|made|earned)\s+more\s+than\s+(?:(?:i|we)(?:'m|'re|\s+am|\s+are)?\s+)?(?:spend|spending|spent)|"
    r"\bliving\s+within\s+(?:my|our)\s+means\b|\bmore\s+than\s+(?:what\s+)?(?:came|comes|come)\s+in\b|"
    # "how much more have we earned than spent?"
    r"\b(?:earn(?:ed|t)?|made|brought\s+in)\s+than\s+(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:spen[dt]|spending)\b|"
    r"\b(?:spen[dt])\s+than\s+(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:earn(?:ed|t)?|made|brought\s+in)\b|"
    r"\b(?:income|earnings|earned|made)\s+(?:minus|less|after|versus|vs\.?|against|compared\s+(?:to|with))\s+"
    r"(?:my\s+|our\s+|what\s+(?:i|we)\s+)?(?:spen[dt]|spending|expenses|outgoings|costs)\b|"
    r"\b(?:spen[dt]|spending|expenses|outgoings|costs)\s+(?:minus|versus|vs\.?|against|compared\s+(?:to|with))\s+"
    r"(?:my\s+|our\s+|what\s+(?:i|we)\s+)?(?:income|earnings|earned|made)\b",
    re.IGNORECASE,
)
# "how many litres have I bought this month?", "how much diesel did we put in last month?": fuel, not money.
_FUEL_VOLUME_Q = re.compile(
    r"\bhow\s+many\s+(?:litres?|liters?|gallons?|gals?|l)\b|"
    r"\b(?:fuel|diesel|petrol|gas|gasoline)\s+in\s+(?:litres|liters|gallons)\b|"
    r"\b(?:average|avg|mean)\s+(?:fuel\s+|diesel\s+|petrol\s+)?price\b|\bper\s+(?:litre|liter|gallon)\b|"
    r"\b(?:odo(?:meter)?|clock)\b[^?]*\b(?:last|latest)\s+fill|"
    r"\bcents?\s+(?:a|per)\s+(?:litre|liter)\b|\bhow\s+much\s+(?:a|per|the)\s+(?:litre|liter|gallon)\b|"
    r"\bhow\s+much\s+(?:fuel|diesel|petrol|gas|gasoline|unleaded|lpg)\b(?![^?]*\b(?:cost|costs|spen[dt]|paid|pay|\$|money|budget|left)\b)"
    r"(?=[^?]*\b(?:bought|buy|used|use|burn(?:ed|t)?|put\s+in|pumped|get|got|filled|go\s+through|gone\s+through|went\s+through)\b)",
    re.IGNORECASE,
)
_LAST_FILL = re.compile(
    r"\b(?:last|latest|most\s+recent|previous)\s+(?:(?:two|2)\s+)?(?:fill(?:-?\s?ups?)?|refuel|tank(?:ful)?)s?\b|\blast\s+filled\b",
    re.IGNORECASE,
)
_BUDGET_WORD = re.compile(r"\bbudgets?\b", re.IGNORECASE)
_MAINT_NOUN = re.compile(
    words(
        "service|servicing|oil|oil change|t[yi]res?|rotation|maintenance|brakes?|"
        "alignment|filters?|battery|belt|coolant|serviced|transmission|gearbox|fluid|wheel bearings?|bearings?|"
        "spark plugs?|wiper blades?|timing belt"
    ),
    re.IGNORECASE,
)
# Maintenance already done, asked about: "what was the odometer at my last oil change?", "service history".
_DONE_BEFORE = re.compile(
    r"\b(?:last|latest|most\s+recent|previous)\b|\bwhen\s+(?:did|was|were|have|had)\b|\bhistory\b|"
    r"\bhow\s+long\s+(?:since|ago)\b",
    re.IGNORECASE,
)
# The price of one job asked about: "what did the logbook service cost us?", "how much was the tyre rotation?"
_WHAT_IT_COST = re.compile(
    r"\b(?:what|how\s+much)\s+(?:(?:did|does|has|was|were)\s+)?(?:the|my|our|that)\s+.{2,40}?\s+(?:cost|came\s+to|come\s+to|set\s+(?:us|me)\s+back)\b|"
    r"\bhow\s+much\s+(?:was|were|did\s+(?:i|we)\s+pay\s+for)\s+(?:the|my|our|that)\b",
    re.IGNORECASE,
)
_DUE_WORDS = re.compile(
    words(
        "due|next|overdue|when should|when do i need|coming up|upcoming|need doing|"
        "need to be done|needs|is anything|what maintenance"
    ),
    re.IGNORECASE,
)
_EVENT_Q = re.compile(
    words(
        "calendar|diary|schedule|reminders?|appointments?|events?|what'?s on|"
        "whats on|coming up|agenda|anything on|got on|have on|booked|planned for|"
        "on (?:today|tomorrow)|up to (?:today|tomorrow)|am i (?:free|busy)|"
        "when(?:'s| is| are) (?:my |the |our )?[\\w' ]{2,30} due"
    ),
    re.IGNORECASE,
)
_TRIPS_WORDS = re.compile(
    words(
        "trips?|journeys?|routes?|itinerar(?:y|ies)|travel plans?|"
        "where am i (?:going|headed)|where are we (?:going|headed)"
    ),
    re.IGNORECASE,
)
_FEED_WORDS = re.compile(
    words(
        "posts?|feed|community|forum|people saying|everyone saying|others saying|"
        "news|happening|chatter|gossip|latest|updates"
    ),
    re.IGNORECASE,
)
_EXPENSE_LIST_WORDS = re.compile(
    words(
        "expenses|purchases|transactions|receipts|spending history|bought|buy|"
        "last \\d+ expenses|recent spending|expense list"
    ),
    re.IGNORECASE,
)
_LIST_VERB = re.compile(
    r"^(?:show|list|display|give\s+me|pull\s+up|bring\s+up|read|see|view|check)\b",
    re.IGNORECASE,
)


# "eating out vs groceries this month?", "fuel compared with camping": one total each.
_VERSUS = re.compile(
    r"\b(?:vs\.?|versus|compared\s+(?:to|with)|against|combined|together|put\s+together)(?=\s|$|[?,.])|^compare\b",
    re.IGNORECASE,
)
_COMPARED = re.compile(r"\b(?:or|and|plus)\b|\s[&+]\s", re.IGNORECASE)


_BIGGEST = re.compile(
    r"\b(?:(?:top|biggest|largest|most\s+expensive|priciest|dearest)\s+(?:(?P<n>\d{1,2}|two|three|four|five|ten)\s+)?"
    r"(?:single\s+)?(?:\w+\s+)?(?P<noun>purchases?|expenses?|buys?|spends?|costs?|things?|items?|bills?)|"
    r"(?:spent|spend)\s+the\s+most\s+on\s+(?:what|which)|"
    r"the\s+most\s+(?:i|we)(?:'ve|\s+have)?\s+(?:ever\s+)?(?:paid|spent)\s+(?:for|on))\b",  # "the most I've paid for a campsite"
    re.IGNORECASE,
)


def _shown_on(s: Sentence, page: str) -> dict[str, str]:
    """{"page": page} when the user asked to be shown a list ("show me my trips"), which also opens its page; a
    question ("what trips have I got?") is answered in the chat alone."""
    return {"page": page} if _LIST_VERB.match(s.low) else {}


def _period_slots(s: Sentence) -> dict[str, Any]:
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


def _asked_category(s: Sentence) -> str | None:
    """The category the question itself names: "Before we book the next caravan park I want to check the damage -
    how much have we spent in total?" asks for the total, not for camping."""
    clauses = re.split(r"\s[-–—]\s|[.;:]\s|,\s+(?=(?:so\s+)?(?:how|what|which|did|do|have|are|is)\b)", s.text, flags=re.IGNORECASE)
    refers_back = re.search(r"\b(?:that|it|those|them)\b|\bthis\b(?!\s+(?:month|week|year|fortnight|morning|arvo|afternoon))",
                            clauses[-1], re.IGNORECASE)  # "…, how much has that come to"
    return category_of(clauses[-1]) if len(clauses) > 1 and not refers_back else s.category


# "how much did the markets bring in?", "what have I earned from house-sitting this year?"
_SOURCE_SUBJECT = re.compile(
    r"\b(?:did|has|have|do|does)\s+(?:the\s+|my\s+|our\s+)?(?P<who>(?!i\b|we\b|you\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
    r"(?:bring|brought|make|made|pay|paid|earn|earned|come|came)\b",
    re.IGNORECASE,
)
_SOURCE_FROM = re.compile(
    r"\b(?:from|for)\s+(?:the\s+|my\s+|our\s+)?(?P<who>[a-z][\w'-]*(?:\s+(?!this\b|last\b|so\b|in\b|since\b|over\b)"
    r"[a-z][\w'-]*)?)",
    re.IGNORECASE,
)


_KIND_OF_INCOME = re.compile(
    r"\b(?:in|from|of|on|much)\s+(?:my\s+|our\s+)?(?P<kind>wages|salary|pension|rent|dividends|tips|royalties|commission)\b",
    re.IGNORECASE,
)


def _income_source(s: Sentence) -> dict[str, str]:
    """{"source": ...} when an income question names where the money came from, else {}."""
    if re.search(r"\b(?:selling|sold|sales?)\b", s.low) and not re.search(r"\b(?:from|for)\s+(?:the\s+)?\w", s.low):
        return {"source": "sale"}  # "how much have we made selling off our bits and pieces?"
    spans = [(d.start, d.end) for d in s.past_dates]
    masked = entities.blank(s.text, spans, " ")
    kind = _KIND_OF_INCOME.search(masked)
    if kind:  # "how much in wages the last 2 wks"
        return {"source": kind["kind"].lower().rstrip("s")}
    m = _SOURCE_SUBJECT.search(masked) or _SOURCE_FROM.search(masked)
    if m is None or resolve_period(m["who"], s.today) or resolve_period(f"in {m['who']}", s.today) or m["who"].lower().strip() in (
            "work", "income", "all", "everything", "the", "a", "an", "my", "our", "this", "that", "last", "next"):
        return {}  # "for the 2024-25 financial year": no one paid it
    who = m["who"].strip()
    return {"source": who[:-1] if who.endswith("s") and not who.endswith("ss") and len(who) > 4 else who}


def _asked_shop(s: Sentence) -> str | None:
    """The shop a spending question names ("at Bunnings", "at the bakery", "the Coles tally"), not a town ("in Dubbo")."""
    if not re.search(r"\b(?:at|from|with)\s", s.text):
        return brand_named(s.text)
    return entities.merchant(s.text, [(d.start, d.end) for d in s.past_dates])


def query(s: Sentence, question: bool) -> Intent | None:
    low = s.low
    biggest = _BIGGEST.search(low)
    if biggest and not s.money:  # "what was my single biggest purchase this month?", "top 3 expenses last month"
        many = 3 if (biggest["noun"] or "").endswith("s") else 1  # "biggest purchases": a few
        slots = {**_period_slots(s), "largest_first": True, "limit": count_of(biggest["n"]) if biggest["n"] else many}
        return Intent("list_expenses", 0.9, {**slots, **({"category": s.category} if s.category else {})})
    compared = categories_named(s.text)
    side_by_side = _VERSUS.search(low) or (
        _COMPARED.search(low) and (_TOTAL_WORDS.search(low) or _SPENDING_WORDS.search(low))
    )
    if len(compared) >= 2 and side_by_side and not s.money and not re.search(r"\bbudgets?\b", low):
        return Intent("spending_query", 0.9, {**_period_slots(s), "categories": compared})  # "eating out vs groceries"
    months = compared_months(s.text, s.today)
    if months and _SPENDING_WORDS.search(low) and not s.explicit_amount:  # "fuel spending in March 2025 vs April 2025"
        slots = {"periods": [(m.start, m.end) for m in months], **({"category": s.category} if s.category else {})}
        return Intent("spending_query", 0.9, slots)
    if _BREAKDOWN.search(low) and _SPENDING_WORDS.search(low) and not s.money:
        slots = _period_slots(s)  # "break down my spending by category": the total with its categories
        if s.category:
            slots["category"] = s.category
        return Intent("spending_query", 0.9, slots)
    if not question and not _LIST_VERB.match(low):
        return None
    work = vehicle_tasks.maintenance_task(s.text)
    if work and _WHAT_IT_COST.search(low) and not resolve_period(s.text, s.today) and not s.money:
        return Intent("maintenance_query", 0.85, {"task": work.split()[0].lower(), "limit": 1})  # "what did the logbook service cost us?"
    if s.category and resolve_period(s.text, s.today) and len(low.split()) <= 5 and not s.money:
        shop = brand_named(s.text)  # "bunnings total for this month": at that shop, not all its category
        slots = {**_period_slots(s), **({"merchant": shop} if shop else {"category": s.category})}  # "groceries this month?"
        return Intent("spending_query", 0.85, slots)
    if _MAINT_NOUN.search(low) and _DUE_WORDS.search(low) and not _SPENDING_WORDS.search(low):
        slots = {"task": vehicle_tasks.maintenance_task(s.text)} if vehicle_tasks.maintenance_task(s.text) else {}
        return Intent("maintenance_due", 0.85, slots)
    listing = bool(_LIST_VERB.match(low))
    over_a_period = _SPENDING_WORDS.search(low) and resolve_period(s.text, s.today)  # "spend on maintenance in the last 30 days"
    if _MAINT_NOUN.search(low) and (_DONE_BEFORE.search(low) or listing) and not s.money and not _LAST_FILL.search(low) \
            and not over_a_period:
        task = vehicle_tasks.maintenance_task(s.text)  # "when did I last change the oil?": its records, newest first
        slots = {"task": task.split()[0].lower()} if task else {}
        return Intent("maintenance_query", 0.85, {**slots, **({"limit": 5} if listing else {})})
    saved_things = _TRIPS_WORDS.search(low) or _FEED_WORDS.search(low)  # "which trips have I saved?"
    if (_INCOME_VS_SPENDING.search(low) or (_NET_Q.search(low) and not saved_things)) and not s.money:
        return Intent("net_query", 0.9, _period_slots(s))
    several = cues.LAST_FILLS_COST.search(low)
    if several and not s.money:  # "what did our last two fill-ups cost all together?"
        return Intent("fuel_query", 0.9, {"last_fills": count_of(several["n"])})
    if _LAST_FILL.search(low) and not s.money and not _BUDGET_WORD.search(low):
        return Intent("fuel_query", 0.9, {"latest": True})  # "what did my last fill-up cost and where was it?"
    if _FUEL_VOLUME_Q.search(low):
        if _LAST_FILL.search(low):  # "what did I pay per litre at my last fill-up?"
            return Intent("fuel_query", 0.9, {"latest": True})
        where = cues.FUEL_AT.search(s.text)
        a_day = where and (find_dates(where["where"], s.today) or HOLIDAY_GATE.search(where["where"])
                           or resolve_period(f"in {where['where']}", s.today)
                           or re.match(r"(?:start|end|beginning)\b", where["where"], re.IGNORECASE))
        where = where if where and not a_day and (where["where"][:1].isupper() or entities.known_town(where["where"].strip())) else None
        if where and not resolve_period(where["where"], s.today):  # "how much a litre did we pay at Gundagai?"
            said = resolve_period(s.text, s.today)
            period = _period_slots(s) if said else {"period": "all_time"}
            return Intent("fuel_query", 0.9, {**period, "location": where["where"].strip()})
        if re.search(r"\ball\s+(?:the\s+|my\s+|our\s+)?(?:fill|refuel)|\b(?:whole|entire)\s+(?:fuel\s+)?log\b", low) and \
                not resolve_period(s.text, s.today):  # "averaged per litre across all the fill-ups in it"
            return Intent("fuel_query", 0.9, {"period": "all_time"})
        return Intent("fuel_query", 0.9, _period_slots(s))
    if cues.LAST_JOB.search(low):  # "what was the last job done on the car and what did it cost?"
        return Intent("maintenance_query", 0.85, {"limit": 1})
    if _INCOME_Q.search(low) and not re.search(words("spen[dt]|spending"), low):
        source = _income_source(s)
        so_far = source and re.search(r"\b(?:so\s+far|to\s+date)\b", low) and not resolve_period(s.text, s.today)
        return Intent("income_query", 0.85, {**({"period": "all_time"} if so_far else _period_slots(s)), **source})
    spending = _SPENDING_WORDS.search(low) and (_TOTAL_WORDS.search(low) or re.search(words("spen[dt]|spending"), low))
    listing = bool(_LIST_VERB.match(low)) and not _TOTAL_WORDS.search(low)
    left_out = cues.LEAVING_OUT.search(s.text)
    if left_out and _SPENDING_WORDS.search(low) and not s.money:  # "leaving the Spirit of Tasmania fare out of it, …"
        what = re.sub(r"\s+(?:fare|bill|cost|expense|one|purchase|payment)s?$", "",
                      (left_out["what"] or left_out["what2"] or left_out["what3"]).strip())
        what = re.sub(r"^(?:on|for|at)\s+|\s+(?:this|last)\s+(?:week|month|year|fortnight)$", "", what, flags=re.IGNORECASE)
        return Intent("spending_query", 0.9, {**_period_slots(s), "leave_out": brand_named(what) or what})
    paid_for_it = cues.PAID_FOR_IT.search(s.text)
    if paid_for_it and not resolve_period(s.text, s.today):  # "that folding solar panel was under $300. What did we pay?"
        return Intent("list_expenses", 0.85, {"search": paid_for_it["what"].strip(), "period": "all_time", "limit": 3})
    cost_of = cues.COST_OF_THE.match(s.text)
    one_kind = cost_of and len(cost_of["what"].split()) == 1 and category_of(cost_of["what"])  # "the groceries": a category
    one_kind = one_kind or (cost_of and (len(cost_of["what"].split()) > 4 or re.search(
        r"\b(?:trip|holiday|kids|it|that|this|cost|us|me)\b", cost_of["what"], re.IGNORECASE)))  # not one purchase
    if cost_of and not one_kind and not resolve_period(s.text, s.today) and not s.money:  # "how much did the caravan rego cost?"
        return Intent("list_expenses", 0.85, {"search": brand_named(cost_of["what"]) or cost_of["what"].strip(),
                                               "period": "all_time", "limit": 3})
    if (spending or (_TOTAL_WORDS.search(low) and s.category and question)) and not listing:
        slots = _period_slots(s)
        if not resolve_period(s.text, s.today) and cues.ALL_OF_IT_SO_FAR.search(low):
            slots = {"period": "all_time"}  # "what have all the servicing and repairs cost us so far?"
        shop = _asked_shop(s)
        shop = (brand_named(shop) or shop) if shop else None  # "at Woolies" is at Woolworths
        category = None if shop else _asked_category(s)
        if shop:
            slots["merchant"] = shop  # "how much have I spent at Bunnings this month?"
            if not resolve_period(s.text, s.today):
                slots["also_all_time"] = True  # "how much have I spent at Tesco?": this month and all up
        if category:
            slots["category"] = category
        return Intent("spending_query", 0.9, slots)
    if _EXPENSE_LIST_WORDS.search(low) or re.search(r"\bexpense\b", low) or (spending and listing):
        slots = _period_slots(s) if resolve_period(s.text, s.today) else {}
        if s.category:
            slots["category"] = s.category
        limit = re.search(r"\b(?:last|latest|recent)\s+(\d{1,2})\b", low)
        if limit:
            slots["limit"] = int(limit.group(1))
        return Intent("list_expenses", 0.8, {**slots, **_shown_on(s, "/wins")})
    if _EVENT_Q.search(low) and not _TRIPS_WORDS.search(low):
        period = resolve_period(s.text, s.today)
        slots = {"period": period.name, "start": period.start, "end": period.end} if period else {}
        return Intent("upcoming_events", 0.85, slots)
    if _TRIPS_WORDS.search(low) and not re.search(r"\bfrom\b.+\bto\b|\bto\b.+\bfrom\b", low):
        return Intent("list_trips", 0.8, _shown_on(s, "/wheels"))
    if _FEED_WORDS.search(low):
        return Intent("read_feed", 0.8, _shown_on(s, "/social"))
    return None


def list_command(s: Sentence) -> Intent | None:
    """A report asked for without a question: "show my expenses", "break down spending", "income minus spending"."""
    reported = _INCOME_VS_SPENDING.search(s.low) or _BIGGEST.match(s.low)  # "income minus spending", "top 3 expenses"
    if _LIST_VERB.match(s.low) or _BREAKDOWN.search(s.low) or (reported and not s.money):
        return query(s, question=True)
    return None
