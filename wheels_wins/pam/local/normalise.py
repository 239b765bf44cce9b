"""Clean-up before understanding: greetings and politeness trimmed, easy typos fixed, casing kept."""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, for keeping long word lists readable."""
    return frozenset(text.split())


_LEADING = re.compile(
    r"^\s*(?:(?:hey|hi|hello|hiya|howdy|g'?day|gday|yo|oi|ok|okay|righto|alright|um+|uh+|er+|hmm+|so|well|"
    r"good\s+(?:morning|afternoon|evening|day))\b[\s,!.:;-]+|pam\b[\s,!.:;-]*)+",
    re.IGNORECASE,
)
_POLITE = re.compile(
    r"^\s*(?:please|pls|plz|kindly|can\s+you(?:\s+please)?|could\s+you(?:\s+please)?|would\s+you(?:\s+please)?|"
    r"will\s+you|can\s+u|could\s+u|would\s+you\s+mind|i'?d\s+like\s+you\s+to|i\s+want\s+you\s+to|i\s+need\s+you\s+to|"
    r"i'?d\s+like\s+to|i\s+would\s+like\s+to|i\s+want\s+to|i\s+wanna|let'?s|go\s+ahead\s+and|quickly|just|"
    r"help\s+me(?=\s+\w))\b[\s,]*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[\s,]*\b(?:please|pls|plz|thanks|thank\s+you|thx|cheers|mate|pam|for\s+me|ta)\b[\s.!]*$",
    re.IGNORECASE,
)

# Misspellings too far from the word for the one-edit corrector below.
TYPOS: dict[str, str] = {
    "tommorow": "tomorrow",
    "tomorow": "tomorrow",
    "tommorrow": "tomorrow",
    "tomoz": "tomorrow",
    "2moro": "tomorrow",
    "yesturday": "yesterday",
    "yesterady": "yesterday",
    "yestarday": "yesterday",
    "yesterdy": "yesterday",
    "expence": "expense",
    "expences": "expenses",
    "exspense": "expense",
    "expens": "expense",
    "budjet": "budget",
    "bugdet": "budget",
    "budgit": "budget",
    "buget": "budget",
    "budgte": "budget",
    "spnt": "spent",
    "spendt": "spent",
    "spet": "spent",
    "resturant": "restaurant",
    "restaraunt": "restaurant",
    "restuarant": "restaurant",
    "resteraunt": "restaurant",
    "grocerys": "groceries",
    "grocieries": "groceries",
    "grocries": "groceries",
    "deisel": "diesel",
    "desiel": "diesel",
    "diesal": "diesel",
    "disel": "diesel",
    "petorl": "petrol",
    "petrl": "petrol",
    "fule": "fuel",
    "feul": "fuel",
    "remmind": "remind",
    "rmind": "remind",
    "remaind": "remind",
    "reminde": "remind",
    "apointment": "appointment",
    "appointmnet": "appointment",
    "appointement": "appointment",
    "appt": "appointment",
    "calender": "calendar",
    "calander": "calendar",
    "calandar": "calendar",
    "insurence": "insurance",
    "insurace": "insurance",
    "insurnace": "insurance",
    "maintainance": "maintenance",
    "maintanence": "maintenance",
    "maintenence": "maintenance",
    "maintainence": "maintenance",
    "recieved": "received",
    "recieve": "receive",
    "earnt": "earned",
    "comunity": "community",
    "communty": "community",
    "commmunity": "community",
    "tyers": "tyres",
    "tyre's": "tyres",
    "odo's": "odo",
    "milage": "mileage",
    "litters": "litres",
    "leters": "litres",
    "ltr": "litres",
    "registraion": "registration",
    "regio": "rego",
    "thx": "thanks",
    "thankyou": "thank you",
    "ty": "thanks",
}

_VOCAB_WORDS = word_set(
    "expense budget groceries restaurant remind reminder appointment calendar insurance "
    "maintenance tomorrow yesterday community profile settings petrol diesel receive received "
    "dashboard planner caravan camping registration utilities transport entertainment shopping "
    "rotation service odometer litre litres income refuel mechanic tyres dinner breakfast lunch "
    "coffee parking ferry electricity internet spending earned trip route journey"
)
_VOCAB = frozenset(_VOCAB_WORDS) | frozenset(w + "s" for w in _VOCAB_WORDS)
_MISSING_LETTER: dict[str, str] = {}
for _word in sorted(_VOCAB):
    if len(_word) >= 6:
        for _i in range(1, len(_word)):
            _MISSING_LETTER.setdefault(_word[:_i] + _word[_i + 1 :], _word)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")


def _fix_word(word: str) -> str:
    low = word.lower()
    if low in TYPOS:
        return TYPOS[low]
    if len(low) < 5 or low in _VOCAB:
        return word
    if low in _MISSING_LETTER:
        return _MISSING_LETTER[low]
    for i in range(
        1, len(low) - 1
    ):  # never the last letter: "serviced" and "changed" are words, not slips
        candidate = low[:i] + low[i + 1 :]
        if len(candidate) >= 6 and candidate in _VOCAB:
            return candidate
    for i in range(1, len(low) - 1):
        candidate = low[:i] + low[i + 1] + low[i] + low[i + 2 :]
        if candidate in _VOCAB:
            return candidate
    return word


def fix_typos(text: str) -> str:
    """Correct common misspellings and one-letter slips of PAM's key words; other words are left alone."""
    return _TOKEN.sub(lambda m: _fix_word(m.group(0)), text)


def normalise(text: str) -> str:
    """The request without greetings, "PAM," or politeness around it, typos fixed and whitespace collapsed."""
    text = re.sub(r"[\u2018\u2019]", "'", text or "")
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _POLITE.sub("", text)
        text = _TRAILING.sub("", text)
    return fix_typos(text).strip()
