"""How people type and dictate that the rules should not have to know: "hows", "didnt", "yesterdays" without their
apostrophes, and a kind of record named as a remark at the end ("…, so that's income I guess")."""

from __future__ import annotations

import re

# "hows the camping budget", "didnt", "im": typed or dictated without the apostrophe
_BARE_CONTRACTION = re.compile(
    r"\b(?P<wh>how|what|where|when|who|that|there|here|yesterday|today|tonight|tomorrow)s\b|"
    r"\b(?P<aux>do|did|does|is|was|are|were|have|has|had|ca|wo|should|could|would)nt\b|\b(?P<i>i)(?P<be>m|ve)\b",
    re.IGNORECASE,
)


def _with_apostrophe(m: re.Match[str]) -> str:
    if m["wh"]:
        return f"{m['wh']}'s"
    return f"{m['aux']}n't" if m["aux"] else f"{m['i']}'{m['be']}"


def with_apostrophes(text: str) -> str:
    """The text with "hows", "didnt", "im", "yesterdays" given their apostrophes."""
    return _BARE_CONTRACTION.sub(_with_apostrophe, text)


# "…, so that's income I guess": what kind of record it is, said at the end
_KIND_REMARK = re.compile(
    r"[\s,;.]*(?<!\bif)(?<!\bwhether)\b(?:so\s+)?(?:that'?s|it'?s|this\s+is|that\s+counts\s+as)\s+(?:an?\s+|my\s+|our\s+)?(?P<kind>income|expense|spending)"
    r"(?:\s*,?\s*(?:i\s+(?:guess|suppose|think|reckon)|right|then))?\s*[.!]*$",
    re.IGNORECASE,
)


def kind_remark_as_request(text: str) -> str:
    """"…, so that's income I guess" as the request at the end that files it: "… - income"."""
    return _KIND_REMARK.sub(lambda m: f" - {'income' if m['kind'].lower() == 'income' else 'expense'}", text)
