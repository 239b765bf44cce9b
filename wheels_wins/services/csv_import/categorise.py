"""Naming the merchant in a bank description and choosing each row's category.

The order, most trusted first:
1. the user's keyword rules ("woolworths" -> groceries; the longest matching keyword wins);
2. what the user chose before for exactly this merchant (learned from their own expenses);
3. the file's own category column, when it names one of ours;
4. `infer_category` on the description and merchant;
5. what the user chose before for a merchant with the same first word ("WOOLWORTHS DUBBO" after
   "WOOLWORTHS SYDNEY"): a weaker hint, so it only fills a gap;
6. "other".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wheels_wins.services.categories import infer_category, normalise_category

MAX_KEYWORD = 60
_WORD = re.compile(r"[a-z0-9]+")
# "1234", "xx1234", "03/03", "#12", "REF1234" (a reference, not a name); not "BIG4" or "7-ELEVEN"
_NUMBERISH = re.compile(r"[#x*]*\d[\d/.:\-]*|[a-z]{1,4}\d{3,}[\d/.:\-]*", re.IGNORECASE)
_APOSTROPHES = re.compile("['’‘`´]")
# Card-network and statement boilerplate around the merchant's name.
_BOILERPLATE = frozenset(
    "eftpos pos visa mastercard mc amex debit credit card purchase purchases payment tap contactless paywave "
    "paypass online int intl international transaction txn sq sp pp paypal xx value date ref receipt "
    "authorisation authorization pending".split()
)
_PLACE_CODES = frozenset("au aus aust australia nsw vic qld wa sa tas nt act nz".split())
_TRAILING = _BOILERPLATE | _PLACE_CODES
_SPLIT = re.compile(r"[\s*]+")
_EDGE_PUNCTUATION = "-,:;/.#()[]'\"_"
_WEAK_FIRST_WORDS = frozenset("the a an mr mrs ms dr st big little new old my to from at of and".split())


def words(text: str) -> list[str]:
    """Lowercase words of `text` (apostrophes dropped, other punctuation a break)."""
    return _WORD.findall(_APOSTROPHES.sub("", text.lower()))


def normalise_keyword(text: str) -> str:
    """A rule keyword as stored and matched: lowercase words joined by single spaces."""
    return " ".join(words(text))[:MAX_KEYWORD].strip()


def _noise(token: str, vocabulary: frozenset[str]) -> bool:
    core = token.lower().strip(_EDGE_PUNCTUATION)
    if not core or core in vocabulary:
        return True
    if _WORD.fullmatch(core):
        return False
    parts = _WORD.findall(core)
    return not parts or all(part in vocabulary for part in parts)


def guess_merchant(description: str) -> str:
    """The merchant inside a bank description, e.g. "VISA PURCHASE WOOLWORTHS 1234 SYDNEY AU" -> "WOOLWORTHS SYDNEY".

    Leading card boilerplate, numbers (store ids, card digits, dates) and trailing state or country codes go.
    """
    tokens = [t for t in _SPLIT.split(description) if t and not _NUMBERISH.fullmatch(t)]
    start, end = 0, len(tokens)
    while start < end and _noise(tokens[start], _BOILERPLATE):
        start += 1
    while end > start and _noise(tokens[end - 1], _TRAILING):
        end -= 1
    return " ".join(tokens[start:end]).strip(_EDGE_PUNCTUATION + " ")[:120]


def merchant_key(text: str) -> str:
    """The words that identify a merchant, for remembering choices (numbers dropped)."""
    return " ".join(w for w in words(text) if not w.isdigit())


@dataclass(frozen=True)
class Rule:
    """A keyword rule as the categoriser uses it."""

    keyword: str
    category: str


class Categoriser:
    """Chooses categories from the user's rules and past choices; build one per preview."""

    def __init__(self, rules: Iterable[Rule], choices: Iterable[tuple[str, str, str]]) -> None:
        self._rules = sorted(
            ((f" {rule.keyword} ", rule.category) for rule in rules if rule.keyword), key=lambda r: -len(r[0])
        )
        self._exact: dict[str, str] = {}
        self._first: dict[str, str] = {}
        for merchant, description, category in choices:  # newest first: the latest choice wins
            key = merchant_key(merchant or guess_merchant(description))
            if not key:
                continue
            self._exact.setdefault(key, category)
            first = key.split(" ", 1)[0]
            if len(first) >= 3 and first not in _WEAK_FIRST_WORDS:
                self._first.setdefault(first, category)

    def choose(self, description: str, merchant: str, file_category: str = "") -> tuple[str, str]:
        """(category, why) for a row; why is rule, learned, file, inferred, similar or default."""
        haystack = f" {' '.join(words(description))} {' '.join(words(merchant))} "
        for keyword, category in self._rules:
            if keyword in haystack:
                return category, "rule"
        key = merchant_key(merchant)
        if key in self._exact:
            return self._exact[key], "learned"
        if file_category:
            named = normalise_category(file_category) or infer_category(file_category)
            if named and named != "other":  # a bank's "Other" says nothing
                return named, "file"
        inferred = infer_category(f"{description} {merchant}")
        if inferred:
            return inferred, "inferred"
        first = key.split(" ", 1)[0] if key else ""
        if first in self._first:
            return self._first[first], "similar"
        return "other", "default"
