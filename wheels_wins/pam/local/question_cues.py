"""Cues of the questions that name one thing: a shop or place, one purchase, a purchase left out, the last few fill-ups
("how much a litre did we pay at Gundagai?", "how much were the jumper cables?", "leaving the ferry out of it")."""

from __future__ import annotations

import re

# "how much a litre did we pay at Gundagai": where the fuel was bought (not "in dollars", "at my last fill")
FUEL_AT = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?!(?:dollars|total|litres|liters|gallons|cents|my|our|all|the|it|them|tank|van|car|ute|truck|"
    r"rig|motorhome|caravan|camper|bowser|servo|log|fuel\s+log)\b)"
    r"(?P<where>[A-Za-z][\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*)",
    re.IGNORECASE,
)

# "what was the last job done on the car?": the latest maintenance record
LAST_JOB = re.compile(
    r"\b(?:last|latest|most\s+recent)\s+(?:job|work|thing|repair)\s+(?:(?:we|i)\s+(?:had\s+)?)?(?:done|did)?\s*(?:on|to)\s+"
    r"(?:the\s+|my\s+|our\s+)?(?:car|van|caravan|ute|truck|rig|motorhome|camper|vehicle|4wd|4x4|rv|bus)\b",
    re.IGNORECASE,
)

# "how much did the caravan rego cost us?": one purchase named, asked about
COST_OF_THE = re.compile(
    r"^(?:and\s+)?how\s+much\s+(?:did|was|were)\s+(?:the|my|our|those|these)\s+(?P<what>[\w'& -]{2,40}?)"
    r"(?:\s+(?:cost|come\s+to|set\s+(?:us|me)\s+back)(?:\s+(?:us|me))?)?(?:\s+in\s+the\s+end)?\s*\??$",
    re.IGNORECASE,
)

# "leaving the Spirit of Tasmania fare out of it", "not counting the rego", "apart from the ferry"
LEAVING_OUT = re.compile(
    r"\b(?:leaving|leave|keeping|keep)\s+(?:the\s+|our\s+|my\s+)?(?P<what>[\w'& -]{2,40}?)\s+out(?:\s+of\s+it)?\b|"
    r"\b(?:leaving|leave|keep|keeping)\s+out\s+(?:the\s+|our\s+|my\s+)?(?P<what3>[\w'& -]{2,40}?)\s*(?:[,;.?]|$)|"
    r"\b(?:not\s+counting|excluding|except(?:\s+for)?|apart\s+from|other\s+than|without)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?P<what2>[\w'& -]{2,40}?)\s*(?:[,;.?]|$)",
    re.IGNORECASE,
)

# "Col swears that folding solar panel was under $300. What did we actually pay for it?": the thing named before
PAID_FOR_IT = re.compile(
    r"\b(?:that|the|our|my)\s+(?P<what>[\w'& -]{2,40}?)\s+(?:was|were|cost|is)\b[^.?!]*[.!?]\s*"
    r"(?:so\s+)?(?:what|how\s+much)\s+did\s+(?:we|i|it|that)\s+(?:actually\s+|really\s+)?(?:pay\s+for\s+(?:it|that|them)|cost)\b",
    re.IGNORECASE,
)

# "add up everything in the maintenance log … so far": every record, not this month's
ALL_OF_IT_SO_FAR = re.compile(
    r"\b(?:everything|all\s+(?:the|of\s+the|our|my))\b.*\b(?:so\s+far|to\s+date)\b|"
    r"\b(?:maintenance|service|fuel)\s+(?:log|history|records?)\b.*\b(?:in\s+total|all\s+up|altogether|so\s+far)\b",
    re.IGNORECASE,
)

# "what did our last two fill-ups cost all together?": the last few fill-ups added up
LAST_FILLS_COST = re.compile(
    r"\b(?:last|latest|previous)\s+(?P<n>two|three|four|five|2|3|4|5)\s+(?:fill(?:-?\s?ups?)?|refuels?|tanks?)\b"
    r"(?=.*\b(?:cost|costs|spend|spent|pay|paid|total|together|all\s+up|come\s+to|came\s+to)\b)(?!.*\b(?:km|kms|far|distance|"
    r"economy|consumption|per\s+100)\b)",
    re.IGNORECASE,
)
