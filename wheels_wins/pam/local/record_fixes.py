"""Corrections of past records said in so many words, with nothing just made to correct: "fish n chips last night was
actually 36.50", "yesterdays groceries were from aldi not coles", "chemist warehouse should be health not shopping",
"the maggie island ferry was 3 days ago", "the coober pedy fill was 107.60 not 97.60", "the odo on the wheel alignment
is wrong, should be 102,500". Each reads as correct_described: the record's words, its kind, old and new values."""

from __future__ import annotations

import re
from typing import Any

from wheels_wins.pam.local.brands import brand_named
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of
from wheels_wins.pam.local.vehicle_tasks import maintenance_task

_N = r"[$£€]?(?P<{}>\d[\d,]*(?:\.\d{{1,2}})?)"
_WHAT = (r"^(?:(?:um+|ok(?:ay)?|so|oh|hey|pls|please|can\s+(?:you|u)|could\s+(?:you|u))[\s,]+)*(?:the\s+|my\s+|our\s+|that\s+|this\s+)?"
         r"(?P<what>[\w'&$£€. -]{2,50}?)")
_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "can you change the camping expense to $48?", "change the fuel expense from today to $150"
    ("amount", re.compile(r"^(?:(?:can|could)\s+(?:you|u)\s+|please\s+|pls\s+)?(?:change|update|fix|correct|make|set|adjust)\s+"
                          r"(?:the|my|our|that)\s+(?P<what>[\w'&. -]{2,40}?)(?:\s+(?:expense|one|entry|purchase|payment|bill))?"
                          r"(?P<day>\s+(?:from|on)\s+[\w ]{3,20}?)?\s+to\s+(?=[$£€]|\d[\d,]*\.\d{2}\b)" + _N.format("new")
                          + r"\s*[.!?]*$", re.IGNORECASE)),
    # "correct today's chemist entry; it should read $38.60, not $36.80"
    ("amount", re.compile(r"^(?:correct|fix|change|update|amend)\s+(?:the\s+|my\s+|our\s+)?(?P<what>[\w'&$. -]{2,50}?)"
                          r"(?:\s+(?:entry|expense|one|record|purchase|payment|bill))?\s*[,;:.-]\s*(?:it|that)\s+should\s+(?:read|be|say)\s+"
                          + _N.format("new") + r"(?:\s*,?\s+not\s+" + _N.format("old") + r")?\b", re.IGNORECASE)),
    # "the coober pedy fill was 107.60 not 97.60", "the brake pads were 540 not 450"
    ("amount", re.compile(_WHAT + r"\s+(?:was|were|is|came\s+to|cost|should\s+(?:have\s+)?be(?:en)?|should\s+read)\s+(?:actually\s+|really\s+)?"
                          + _N.format("new")
                          + r"\s*,?\s+not\s+" + _N.format("old") + r"\b", re.IGNORECASE)),
    # "fish n chips last night was actually 36.50", "it should be double, 104"
    ("amount", re.compile(_WHAT + r"\s+(?:was|were|came\s+to)\s+actually\s+" + _N.format("new") + r"\b", re.IGNORECASE)),
    ("amount", re.compile(_WHAT + r"\s+(?:was|were)\b[^.!?]*?\bshould\s+be\s+(?:double|triple|more)?[\s,]*" + _N.format("new")
                          + r"\s*[.!]*$", re.IGNORECASE)),
    # "the BP Tarcutta one yesterday should be $87.60, I swapped the digits"
    ("amount", re.compile(_WHAT + r"\s+one\b[^.!?,]*?\s+should\s+(?:be|have\s+been)\s+(?=[$£€]|\d[\d,]*\.\d{2}\b)" + _N.format("new") + r"\b",
                          re.IGNORECASE)),
    # "the pub shifts came to 685 in the end with tips, can u update that"
    ("amount", re.compile(_WHAT + r"\s+(?:came\s+to|ended\s+up\s+(?:being|at))\s+" + _N.format("new")
                          + r"\b[^.!?]*\b(?:update|fix|change|correct)\s+(?:it|that|this)\b", re.IGNORECASE)),
    # "yesterdays groceries were from aldi not coles", "the 88.40 fill up wasnt shell, it was the caltex in gundagai"
    ("merchant", re.compile(_WHAT + r"\s+(?:was|were)\s+(?:from|at)\s+(?P<new>[\w'& -]{2,30}?)\s*,?\s+not\s+(?:from\s+|at\s+)?"
                            r"(?P<old>[\w'& -]{2,30}?)\s*(?:[,.;!]|$)", re.IGNORECASE)),
    ("merchant", re.compile(_WHAT + r"(?:\s*,\s*it)?\s+(?:wasn'?t|was\s+not)\s+(?:at\s+|from\s+)?(?P<old>[\w'& -]{2,30}?)\s*,\s*it\s+was\s+"
                            r"(?:at\s+|from\s+)?(?:the\s+)?(?P<new>[\w'& -]{2,40}?)\s*(?:[,.;!]|$)", re.IGNORECASE)),
    # "chemist warehouse should be health not shopping", "put the kmart camp chairs under shopping instead of other"
    ("category", re.compile(_WHAT + r"\s+should\s+(?:be|go)\s+(?:under\s+|in\s+)?(?P<new>[\w ]{3,20}?)\s+not\s+(?P<old>[\w ]{3,20}?)"
                            r"\s*(?:[,.;!]|$)", re.IGNORECASE)),
    ("category", re.compile(r"^(?:(?:can\s+(?:you|u)|could\s+(?:you|u)|pls|please)\s+)?(?:put|move|file|switch)\s+(?:the\s+|my\s+)?"
                            r"(?P<what>[\w'&$. -]{2,50}?)\s+(?:under|to|into|in)\s+(?P<new>[\w ]{3,20}?)\s+(?:instead\s+of|rather\s+than)\s+"
                            r"(?P<old>[\w ]{3,20}?)\s*(?:[,.;!?]|$)", re.IGNORECASE)),
    # "the $38.90 from Chemist Warehouse has somehow ended up under groceries. It should be health."
    ("category", re.compile(_WHAT + r"\s+(?:has\s+|have\s+)?(?:somehow\s+|accidentally\s+)?(?:ended\s+up|gone|went\s+in|got\s+put|"
                            r"been\s+put)\s+(?:in|under|as)\s+(?P<old>[\w ]{3,20}?)\s*[,.;]\s*(?:but\s+)?(?:it|that|they)\s+"
                            r"should\s+(?:be|go)\s+(?:under\s+|in\s+)?(?P<new>[\w ]{3,20}?)\s*(?:[,.;!]|$)", re.IGNORECASE)),
    # "The $64 at Boots yesterday was Trevor's medicine, not shopping. Can you move it to health?"
    ("category", re.compile(_WHAT + r"\s+(?:was|were|is)\s+[^.;!?]{2,60}?,?\s+not\s+(?P<old>[\w ]{3,20}?)\s*[,.;]\s*"
                            r"(?:(?:can|could)\s+(?:you|u)\s+|please\s+)?(?:move|put|change|switch|file)\s+(?:it|that|them)\s+"
                            r"(?:to|under|into|in|as)\s+(?P<new>[\w ]{3,20}?)(?:\s+please)?\s*(?:[,.;!?]|$)", re.IGNORECASE)),
    # "The Tim Hortons charge isn't groceries, it should be under dining"
    ("category", re.compile(_WHAT + r"\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not|shouldn'?t\s+be)\s+(?:under\s+|in\s+)?(?P<old>[\w ]{3,20}?)"
                            r"\s*[,.;]\s*(?:it|that)\s+(?:should\s+(?:be|go)|belongs)\s+(?:under\s+|in\s+)?(?P<new>[\w ]{3,20}?)"
                            r"\s*(?:[,.;!]|$)", re.IGNORECASE)),
    # "That Shell fill-up in Kamloops was 52.3 litres, not 58"
    ("litres", re.compile(_WHAT + r"\s+(?:was|were|is)\s+(?:actually\s+)?(?P<new>\d{1,3}(?:\.\d{1,2})?)\s*(?:l|litres|liters)\b\s*,?\s+"
                          r"not\s+(?P<old>\d{1,3}(?:\.\d{1,2})?)\b", re.IGNORECASE)),
    # "I typed the odometer wrong on the Chevron fill in Barstow, it should be 41,800 miles"
    ("odometer", re.compile(r"\b(?:odo|odometer|mileage)\s+(?:reading\s+)?(?:wrong\s+)?(?:on|for|of)\s+(?:the\s+|my\s+)?"
                            r"(?P<what>[\w' -]{2,40}?)(?:\s+(?:is|was)\s+wrong)?\s*,?\s+(?:it\s+)?(?:should\s+(?:be|have\s+been)|was|is)\s+"
                            r"(?:actually\s+)?"
                            + _N.format("new") + r"\s*(?P<unit>miles?|mi|km|kms|kilomet(?:re|er)s)?\b", re.IGNORECASE)),
    # "the Katherine fill-up in the fuel log says 86.4 litres, I swapped the digits, it was 68.4"
    ("litres", re.compile(_WHAT + r"\s+(?:says|shows|has|is|was\s+(?:logged|put\s+in)\s+(?:as|at))\s+(?P<old>\d{1,3}(?:\.\d{1,2})?)\s*"
                          r"(?:l|litres|liters)\b[^.!?]*?\b(?:it\s+was|should\s+be|it'?s|really)\s+(?:actually\s+)?"
                          r"(?P<new>\d{1,3}(?:\.\d{1,2})?)\b", re.IGNORECASE)),
    # "The Big4 at Bright, I put that in as today, but we actually paid it the day before yesterday"
    ("date", re.compile(_WHAT + r"\s*,\s*(?:i|we)\s+(?:put|logged|entered)\s+(?:that|it)\s+(?:in\s+)?(?:as|for)\s+\w+\s*,?\s+but\s+"
                        r"(?:i|we)\s+(?:actually\s+)?(?:paid|did|bought|had)\s+(?:it|that|for\s+it)\s+(?:on\s+)?"
                        r"(?P<when>[\w ]{3,30}?)(?:\s+when\b[^,.;!]*)?\s*(?:[,.;!]|$)", re.IGNORECASE)),
    # "the odo on the wheel alignment is wrong, should be 102,500", "fix the odo on my last fill up, its 94,580 not 94,850"
    ("odometer", re.compile(r"\b(?:odo|odometer)\s+(?:reading\s+)?(?:on|for|of)\s+(?:the\s+|my\s+)?(?P<what>[\w' -]{2,40}?)\s*,?\s+"
                            r"(?:is\s+wrong\s*,?\s*)?(?:it'?s|its|is|should\s+be|was)\s+(?:actually\s+)?" + _N.format("new")
                            + r"(?:\s*k?m?s?\s*,?\s+not\s+" + _N.format("old") + r")?", re.IGNORECASE)),
    # "the tyre rotation was at 82,800 km, not 88,200"
    ("odometer", re.compile(_WHAT + r"\s+(?:was|were)\s+(?:actually\s+)?(?:done\s+)?at\s+" + _N.format("new")
                            + r"\s*(?:k?ms?|kilomet(?:re|er)s)?\s*,?\s+not\s+" + _N.format("old"), re.IGNORECASE)),
    # "change the port augusta caravan park to yesterday", "the maggie island ferry was 3 days ago",
    # "the oil change i put in today was actually done 4 days ago"
    ("date", re.compile(r"^(?:change|move|set)\s+(?:the\s+|my\s+)?(?P<what>[\w'&$. -]{2,50}?)\s+to\s+(?P<when>[\w ]{3,30}?)\s*(?:[,.;!]|$)",
                        re.IGNORECASE)),
    ("date", re.compile(_WHAT + r"(?:\s+(?:i|we)\s+(?:put\s+in|logged|added)\s+\w+)?\s+(?:was|were)\s+(?:actually\s+)?(?:done\s+|on\s+|paid\s+)?"
                        r"(?P<when>[\w ]{3,30}?)\s*(?:[,.;!]|$)", re.IGNORECASE)),
]
_FILL = re.compile(r"\b(?:fill(?:-?\s?up)?|fuel|diesel|petrol|refuel)\b", re.IGNORECASE)
_INCOME = re.compile(r"\b(?:shifts?|pay|payout|income|wages?|invoice|sale)\b", re.IGNORECASE)
_KM_PER_MILE = 1.609344
_LAST = re.compile(r"\b(?:last|latest|most\s+recent)\s+", re.IGNORECASE)


def _money(text: str | None) -> str | None:
    return text.replace(",", "") if text else None


def _kind(what: str) -> str:
    if re.fullmatch(r"\s*(?:fuel|diesel|petrol|gas)\s*", what, re.IGNORECASE):
        return "expense"  # "change the fuel expense from today to $150": a purchase of that category
    if _FILL.search(what):
        return "fuel"
    if maintenance_task(what):
        return "maintenance"
    return "income" if _INCOME.search(what) else "expense"


def record_fix(s: Sentence) -> Intent | None:
    """correct_described for a past record corrected in so many words (after any story before it: "Oh bother, I had
    my reading glasses on my head, the Woolies shop was $148.60, not $184.60"), or None."""
    starts = [0, *(m.end() for m in re.finditer(r"[,.;!?]\s+", s.text))]
    for start in starts:
        rest = s.text[start:]
        if start and not re.search(r"[$£€]|\d\.\d{2}\b|\bkm\b|\bmiles?\b|\blitres?\b|\bodo(?:meter)?\b", rest, re.IGNORECASE):
            continue  # "great news, the forecast is 25, not 30": after a story, a correction says money or a reading
        found = _fix_from(Sentence(rest, s.today)) if start else _fix_from(s)
        if found:
            return found
    return None


def _fix_from(s: Sentence) -> Intent | None:
    """correct_described for a correction said from the start of `s`, or None."""
    for field, pattern in _RULES:
        m = pattern.search(s.text)
        if m is None or re.search(r"\bbudgets?\b", m["what"], re.IGNORECASE):  # "change the fuel budget to 450"
            continue
        what = re.sub(r"^(?:the|my|our)\s+|\s+in\s+the\s+(?:fuel|maintenance|service)\s+log$|^from\s+", "", m["what"].strip(),
                      flags=re.IGNORECASE)
        slots: dict[str, Any] = {"kind": _kind(what)}
        dates = find_dates(what, s.today, "past")
        said_before = s.text[m.end("what"): m.start("new")] if field not in ("date", "litres") else ""
        before_new = find_dates(said_before, s.today, "past") if not dates and said_before else []
        if before_new:  # "the BP one yesterday should be $87.60"
            slots["date"] = before_new[0].date
        if dates:  # "yesterday's groceries": the day names which record, it is not part of what it was
            slots["date"], what = dates[0].date, what[: dates[0].start] + what[dates[0].end :]
        what = re.sub(r"^\s*'?s\b|\s+one\s*$", "", _LAST.sub("", what))
        paid = re.search(r"[$£€]?(\d[\d,]*\.\d{2})\b|[$£€](\d[\d,]*)\b", what)
        if paid:  # "the 88.40 fill up": its amount names it
            slots["amount"], what = (paid[1] or paid[2]).replace(",", ""), what.replace(paid[0], " ")
        slots["what"] = re.sub(r"\b(?:night|morning|arvo|afternoon|evening|'s)\b|\s+", " ", what).strip(" ',")
        slots["what"] = re.sub(r"^(?:from|at)\s+", "", slots["what"], flags=re.IGNORECASE)  # "the $38.90 from Chemist Warehouse"
        slots["what"] = re.sub(r"\s+(?:charge|expense|entry|purchase|payment|bill|transaction|fee|one)$", "", slots["what"],
                               flags=re.IGNORECASE)  # "the Tim Hortons charge": the words of the record, not what it is
        if field == "amount":
            slots |= {"new_amount": _money(m["new"]), **({"amount": _money(m["old"])} if m.groupdict().get("old") else {})}
        elif field == "merchant":
            if not (brand_named(m["new"]) or brand_named(m["old"]) or _FILL.search(what) or re.search(r"\d", what)):
                continue  # "the weather wasn't great, it was awful": no shop named
            slots |= {"new_merchant": brand_named(m["new"]) or m["new"].strip(), "merchant": brand_named(m["old"]) or m["old"]}
        elif field == "category":
            new, old = category_of(m["new"]), category_of(m["old"])
            if new is None:
                continue
            slots |= {"new_category": new, **({"category": old} if old else {})}
        elif field == "litres":
            slots |= {"kind": "fuel", "new_litres": m["new"], "litres": m["old"]}
        elif field == "odometer" and not (m.groupdict().get("unit") or re.search(r"\bk?m\b|kms|odo|odometer|miles?", m.group(0), re.I)
                                         or maintenance_task(what) or _FILL.search(what)):
            continue  # "the party was at 7, not 8": no reading of a vehicle
        elif field == "odometer":
            miles = (m.groupdict().get("unit") or "").lower().startswith("mi")
            new = round(float(_money(m["new"]) or 0) * (_KM_PER_MILE if miles else 1))
            old = m.groupdict().get("old")
            slots |= {"new_odometer_km": new, **({"odometer_km": int(_money(old) or 0)} if old else {})}
        else:
            said = m["when"].strip()
            when = [d for d in find_dates(said, s.today, "past") if d.date <= s.today]
            if not when or s.money or when[0].end - when[0].start < len(said) - 1:
                continue  # the whole of it must be the day: "the weather was great today" is not a correction
            slots["new_date"] = when[0].date
        return Intent("correct_described", 0.9, slots)
    return None
