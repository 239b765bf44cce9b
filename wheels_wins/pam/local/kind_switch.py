"""Corrections that change what kind of record was made: "it's income not an expense", "sorry, add it to the
maintenance log", "log it as income"."""

from __future__ import annotations

import datetime as dt
import re

from wheels_wins.pam.local.sentence import Intent, Sentence

# "no, I made $120 at the markets, it's income not an expense": the record was money in, not out (or the reverse).
_WAS_INCOME = re.compile(
    r"\bincome\b[^.?!]{0,12}\bnot\s+(?:an?\s+)?(?:expense|spending|cost)\b|"
    r"\b(?:was|is|it'?s|that'?s|be|as|meant)\s+(?:an?\s+)?(?:income|earnings)\b|\bmoney\s+in\b[^.?!]{0,10}\bnot\s+out\b|"
    r"^(?:i|we)\s+(?:made|earned|got\s+paid)\b",
    re.IGNORECASE,
)
_WAS_SPENDING = re.compile(
    r"\b(?:expense|spending|cost)\b[^.?!]{0,12}\bnot\s+(?:an?\s+)?income\b|"
    r"\b(?:was|is|it'?s|that'?s|be|as|meant)\s+an?\s+expense\b|\bmoney\s+out\b[^.?!]{0,10}\bnot\s+in\b",
    re.IGNORECASE,
)

# "sorry, add it to the maintenance log", "that belongs in the van's service history": a repair just logged as
# spending is work on the vehicle, to be kept with its service records.
_TO_VEHICLE_LOG = re.compile(
    r"\b(?:(?:add|put|move|log|record|file|enter|pop|stick|save)\s+(?:it|that|this|them)\s+(?:in|into|to|under|on|in\s+to)|"
    r"(?:go|goes|be|belongs?)\s+(?:in|into|on|under))\s+(?:the|my|our)\s+(?:[\w-]+'?s?\s+)?"
    r"(?:maintenance|service|servicing|repairs?)\s+(?:log|history|records?|book)\b",
    re.IGNORECASE,
)

# The same requests once `normalise` has reduced "add it to the maintenance log" or "log it as income" to " - <kind>".
# (After a cue, its dash is gone with the cue: "sorry, add it to the maintenance log" → "maintenance log".)
_ONLY_REQUESTED_KIND = re.compile(r"^\s*-?\s*(?P<kind>maintenance log|income|expense)\s*[.!?]*$", re.IGNORECASE)
_REQUESTED_SWITCH = {"maintenance log": "maintenance", "income": "income", "expense": "expense"}


def _requested_kind(rest: str, had_cue: bool) -> re.Match[str] | None:
    return _ONLY_REQUESTED_KIND.match(rest) if had_cue or rest.lstrip().startswith("-") else None


def kind_switch(rest: str, today: dt.date, had_cue: bool) -> Intent | None:
    """A correction that says the record was income, not spending (or spending, not income, or work on the vehicle for
    its maintenance log), with any amount said."""
    requested = _requested_kind(rest, had_cue)
    kind = (
        _REQUESTED_SWITCH[requested["kind"].lower()] if requested
        else "maintenance" if _TO_VEHICLE_LOG.search(rest)
        else "income" if _WAS_INCOME.search(rest)
        else "expense" if _WAS_SPENDING.search(rest)
        else None
    )
    if kind is None:
        return None
    amount = Sentence(rest, today).amount
    return Intent("correction", 0.9, {"kind": kind, **({"amount": amount.amount} if amount else {})})


def said_plainly(rest: str, had_cue: bool) -> bool:
    """Whether the message asks for the switch in so many words, without a cue ("put that in the maintenance log")."""
    return bool(_TO_VEHICLE_LOG.search(rest) or _requested_kind(rest, had_cue))
