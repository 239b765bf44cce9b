"""Corrections of records made before the conversation, named by what they were: "I put the oil change in at 85000 km
but it was actually 58000", "the maccas one went in as groceries, can you move it to dining"."""

from __future__ import annotations

import re

from wheels_wins.pam.local.amounts import parse_money
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of
from wheels_wins.pam.local.vehicle_tasks import maintenance_task

_NUMBER = r"\$?\d[\d,]*(?:\.\d+)?\s?(?:k\b)?"
_DISTANCE = r"\s?(?:km|kms|kilomet(?:re|er)s|miles?|mi)\b"
# "I put the oil change in at 85000 km but it was actually 58000", "we logged the rego as $900, it should be $860"
_PUT_IN_AS = re.compile(
    r"^(?:(?:oops|oh|um+|sorry)[\s,]+)?(?:(?:i|we)\s+)?(?:put|logged|entered|recorded|added|typed)\s+(?:the|my|our|that)\s+"
    r"(?P<what>[\w'& -]{2,40}?)\s+(?:in\s+)?(?:at|as|for|with)\s+(?P<old>" + _NUMBER + r")(?P<unit>" + _DISTANCE + r")?\s*,?\s*"
    r"(?:but\s+)?(?:it\s+)?(?:was|is|should\s+(?:have\s+)?be(?:en)?|should\s+b)\s+(?:actually\s+|really\s+)?(?P<new>" + _NUMBER
    + r")(?P<unit2>" + _DISTANCE + r")?(?:\s*,?\s*(?:can|could|pls|please)\s*(?:you|u)?\s+(?:fix|change|update)(?:\s+(?:it|that))?)?"
    r"\s*[.!?]*$",
    re.IGNORECASE,
)
# "the maccas one went in as groceries, can you move it to dining"
_FILED_AS = re.compile(
    r"^(?:the\s+)?(?P<what>[\w'&$. -]{2,40}?)\s+(?:one\s+|expense\s+)?(?:went\s+in|was\s+(?:logged|put\s+in|entered|filed|"
    r"recorded|put\s+down)|is\s+(?:logged|filed|down|in))\s+(?:as|under|in)\s+(?P<old>[\w ]+?)\s*[,.;]?\s*"
    r"(?:(?:can|could)\s+you\s+|please\s+|so\s+)?(?:move|change|put|switch|make|file|recategori[sz]e)\s+(?:it|that)\s+"
    r"(?:to|under|into|as|in)\s+(?P<new>[\w ]+?)(?:\s+please)?[.!?]*$",
    re.IGNORECASE,
)


def _number(text: str) -> int | None:
    digits = text.strip().lstrip("$").replace(",", "")
    thousands = digits.lower().endswith("k")
    try:
        value = float(digits.rstrip("kK "))
    except ValueError:
        return None
    return round(value * (1000 if thousands else 1))


def described_correction(s: Sentence) -> Intent | None:
    """correct_described: the record named by what it was, with its old and new reading or category; or None."""
    filed = _FILED_AS.match(s.text)
    if filed and category_of(filed["new"]):
        old = category_of(filed["old"])
        return Intent("correct_described", 0.9, {"kind": "expense", "what": filed["what"].strip(),
                                                  **({"category": old} if old else {}), "new_category": category_of(filed["new"])})
    put = _PUT_IN_AS.match(s.text)
    if put is None:
        return None
    what, old, new = put["what"].strip(), _number(put["old"]), _number(put["new"])
    if old is None or new is None:
        return None
    reading = bool(put["unit"] or put["unit2"]) or (maintenance_task(what) is not None and old >= 1000 and "$" not in put["old"])
    if reading:
        return Intent("correct_described", 0.9, {"kind": "maintenance", "what": what, "odometer_km": old,
                                                  "new_odometer_km": new})
    amounts = parse_money(put["old"]), parse_money(put["new"])
    if not (amounts[0] and amounts[1]):
        return None
    return Intent("correct_described", 0.9, {"kind": "expense", "what": what, "amount": amounts[0][0].amount,
                                              "new_amount": amounts[1][0].amount})
