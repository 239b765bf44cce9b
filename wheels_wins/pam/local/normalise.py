"""Clean-up before understanding: greetings and politeness trimmed, easy typos fixed, casing kept."""

from __future__ import annotations

import re
from decimal import Decimal

from text_to_num import alpha2digit

from wheels_wins.pam.local.date_words import MONTH_RE
from wheels_wins.pam.local.spoken_forms import kind_remark_as_request, with_apostrophes
from wheels_wins.pam.local.typos import TYPOS
from wheels_wins.services.categories import normalise_category


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, for keeping long word lists readable."""
    return frozenset(text.split())


# After ".", "!" or "?" and a space, but not after a short form that ends in a full stop ("Dr. Patel", "Mt. Isa",
# "Halls Ck. and Warmun")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")
_SHORT_FORM = re.compile(r"\b(?:dr|mr|mrs|ms|st|mt|ck|crk|rd|hwy|pt|nth|sth|approx|no|vs)\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a message in order, each with its closing mark ("Add Dubbo to the trip.", "Marg wants …")."""
    found: list[str] = []
    for part in _SENTENCE_BREAK.split(text):
        if found and _SHORT_FORM.search(found[-1]):
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


_LEADING = re.compile(
    r"^\s*(?:(?:hey|hi|hello|hiya|howdy|g'?day|gday|yo|oi|ok|okay|righto|alright|um+|uh+|er+|hmm+|so|well|"
    r"good\s+(?:morning|afternoon|evening|day))\b[\s,!.:;-]+|pam\b[\s,!.:;-]*)+",
    re.IGNORECASE,
)
_POLITE = re.compile(
    r"^\s*(?:would\s+you\s+be\s+so\s+kind\s+as\s+to|would\s+you\s+mind(?:\s+terribly)?|"
    r"(?:i|we)\s+should\s+(?:like|love)\s+(?:you\s+)?to|(?:would|could)\s+you\s+kindly|if\s+you\s+(?:would|will)\s+be\s+so\s+kind|"
    r"(?:i|we)(?:\s+should|\s+would|'?d)\s+be\s+(?:most\s+|very\s+|so\s+)?(?:grateful|obliged)\s+if\s+you\s+(?:would|could|might)(?:\s+kindly)?|"
    r"i\s+(?:wonder|was\s+wondering)\s+if\s+you\s+(?:might|could|would|can)|i'?d\s+love\s+(?:it\s+)?if\s+you\s+(?:could|would)|"
    r"i'?m\s+(?:delighted|happy|pleased|glad|excited|thrilled)\s+to\s+(?:tell|report|say|let)\s+you(?:\s+know)?(?:\s+that)?|"
    r"just\s+so\s+you\s+know|to(?=\s+(?:put|post|add|record|log|make|set|plan|note|show|take|open))|"
    r"please|pls|plz|kindly|can\s+you(?:\s+please)?|could\s+you(?:\s+please)?|would\s+you(?:\s+please)?|"
    r"will\s+you|can\s+u|could\s+u|would\s+you\s+mind|i'?d\s+like\s+you\s+to|i\s+want\s+you\s+to|i\s+need\s+you\s+to|"
    r"i'?d\s+like\s+to|i\s+would\s+like\s+to|i\s+want\s+to|i\s+wanna|let'?s|go\s+ahead\s+and|quickly|just|"
    r"help\s+me(?=\s+\w))\b[\s,]*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[\s,]*\b(?:please|pls|plz|thanks|thank\s+you(?:\s+so\s+much|\s+very\s+much)?|thx|cheers|mate|pam|for\s+me|ta|"
    r"if\s+(?:that'?s|it'?s)\s+no\s+trouble(?:\s+at\s+all)?|if\s+you\s+(?:don'?t|do\s+not)\s+mind|if\s+possible|"
    r"if\s+you\s+(?:could|would|can|wouldn'?t\s+mind)|if\s+you\s+(?:would|will)\s+be\s+so\s+kind|if\s+you\s+please|"
    r"(?<!\bvery\s)(?<!\bso\s)(?<!\btoo\s)(?<!\bbit\s)(?<!\bquite\s)dear|my\s+dear)\b[\s.!]*$",
    re.IGNORECASE,
)
# "… for $95 - would you mind recording it as income?": a request at the end, not a question; what it is, kept.
_REQUEST_AT_END = re.compile(
    r"[\s,.;:-]*\b(?:(?:so|and|then)\s+)?(?:just\s+)?(?:(?:would\s+you\s+mind|could\s+you|can\s+you|would\s+you|will\s+you|please)\s+)?"
    r"(?:please\s+)?(?:recording|record|adding|add|logging|log|noting|note|putting|put|saving|save|entering|enter|pop|stick|"
    r"chuck|whack|jot|popping|sticking)(?:\s+down)?\s+(?:it|that|this|them|these|those|the\s+(?:total|lot)|both(?:\s+of\s+(?:those|them|these))?)"
    r"(?:\s+(?:fill-?\s?up|purchase|payment|receipt|one|expense|bill|service|repair))?"
    r"(?:\s+down)?(?:\s+in(?=[\s?.!]*$))?"  # "can you put that in?"
    r"(?:\s+down)?(?:\s+(?:as|under|in|for|to|into|on)\s+(?:an?\s+|my\s+|our\s+|the\s+)?(?P<kind>[\w ]{2,30}?))?"
    r"(?:[\s,]+(?:please|thanks|thx|cheers|for\s+(?:me|us)))*"
    r"(?:\s+(?:so|because|as|since)\s+(?:i|we)\s+[^,.;!?]{0,60})?\s*[?.!]*$",  # "... so I remember when I did it"
    re.IGNORECASE,
)
# What the request at the end asks for, as one word the rules know.
_REQUESTED_KIND = [
    (re.compile(r"\b(?:spending|expenses?|costs?|outgoings)\b", re.IGNORECASE), "expense"),
    (re.compile(r"\b(?:income|earnings)\b", re.IGNORECASE), "income"),
    # "under maintenance" alone is the spending category; the log is named as such
    (re.compile(r"\b(?:maint(?:enance)?|service)\s+(?:log|book|history|records?)\b", re.IGNORECASE), "maintenance log"),
]


def _requested(m: re.Match[str]) -> str:
    """The request at the end, reduced to what it asks for; left as said when it is not a request to PAM
    ("... and put it on the card")."""
    kind = m["kind"]
    named = next((word for pattern, word in _REQUESTED_KIND if pattern.search(kind)), None) if kind else None
    # "pop it in", "chuck that down": said only to PAM, never of paying ("… and put it on the card")
    asked = re.search(r"\b(?:could|can|would|will)\s+you\b|\bplease\b|\bthanks\b|\bthx\b|\bjust\b|"
                      r"\b(?:pop|popping|stick|sticking|chuck|whack|jot)\b", m.group(0), re.IGNORECASE)
    if named:
        return f" - {named}"
    if kind and normalise_category(kind):  # "spent $40, log it as groceries"
        return f" - {normalise_category(kind)}"
    if not asked:
        return m.group(0)
    return f" - {kind}" if kind else ""


# After "would you mind": "taking me back home" asks "take me back home".
_GERUND = {
    "taking": "take", "recording": "record", "adding": "add", "logging": "log", "putting": "put", "setting": "set",
    "noting": "note", "planning": "plan", "posting": "post", "showing": "show", "bringing": "bring", "opening": "open",
    "making": "make", "changing": "change", "booking": "book", "sending": "send",
}
_LEADING_GERUND = re.compile(r"^(" + "|".join(_GERUND) + r")\b", re.IGNORECASE)
# "500/mo", "80/wk": a rate.
_PER_SLASH = re.compile(r"(?<=\d)\s*/\s*(mo|mth|month|wk|week|yr|year)\b", re.IGNORECASE)
_BUDGET_WORD = re.compile(r"\bbudget", re.IGNORECASE)
_PER_MONTH = re.compile(r"(\d)\s*(?:pm|p/m|p\.m\.?|pcm|per\s+mth)(?!\w)", re.IGNORECASE)
_PER_WORD = {"mo": "month", "mth": "month", "month": "month", "wk": "week", "week": "week", "yr": "year", "year": "year"}


_VOCAB_WORDS = word_set(
    "expense budget groceries restaurant remind reminder appointment calendar insurance "
    "maintenance tomorrow yesterday community profile settings petrol diesel receive received "
    "dashboard planner caravan camping registration utilities transport entertainment shopping "
    "rotation service odometer litre litres income refuel mechanic tyres dinner breakfast lunch "
    "coffee parking ferry electricity internet spending earned trip route journey actually kilometres reading "
    "national category delete remove"
)
# Short words whose swapped letters are a common slip ("lsat month") and never another word.
_SHORT_SWAPS = word_set("last next week paid rego")
_VOCAB = frozenset(_VOCAB_WORDS) | frozenset(w + "s" for w in _VOCAB_WORDS)
_MISSING_LETTER: dict[str, str] = {}
for _word in sorted(_VOCAB):
    if len(_word) >= 6:
        for _i in range(1, len(_word)):
            _MISSING_LETTER.setdefault(_word[:_i] + _word[_i + 1 :], _word)
# One wrong letter inside a long word ("odomoter"), never the first or last ("serviced" is a word), and only
# for words no everyday word is one letter away from ("stopping" is not a slip of "shopping").
_WRONG_LETTER_TARGETS = word_set(
    "odometer groceries kilometres maintenance registration insurance restaurant appointment calendar actually "
    "electricity entertainment utilities breakfast mechanic category community caravan"
)
_WRONG_LETTER: dict[str, str] = {}
for _word in sorted(_WRONG_LETTER_TARGETS):
    if len(_word) >= 7:
        for _i in range(1, len(_word) - 1):
            _WRONG_LETTER.setdefault(_word[:_i] + "?" + _word[_i + 1 :], _word)
# "2moro", "b4"; a hyphenated name ("Petro-Canada") is one token, left as typed.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9']*(?:-[A-Za-z][A-Za-z0-9']*)*|\d[A-Za-z]\w*")


def _fix_word(word: str) -> str:
    low = word.lower()
    if low in TYPOS:
        return TYPOS[low]
    if len(low) == 4 and low not in _SHORT_SWAPS:
        for i in range(len(low) - 1):
            candidate = low[:i] + low[i + 1] + low[i] + low[i + 2 :]
            if candidate in _SHORT_SWAPS:
                return candidate
    if len(low) < 5 or low in _VOCAB or "'" in low:
        return word  # "yesterday's" is not a slip of "yesterdays"
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
    if len(low) >= 7:
        for i in range(1, len(low) - 1):
            candidate = _WRONG_LETTER.get(low[:i] + "?" + low[i + 1 :])
            if candidate and candidate[0] == low[0]:
                return candidate
    return word


def fix_typos(text: str) -> str:
    """Correct common misspellings and one-letter slips of PAM's key words; other words are left alone."""
    return _TOKEN.sub(lambda m: _fix_word(m.group(0)), text)


_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)"
)
_NUMBER_RUN = re.compile(
    rf"\b(?:an?\s+(?=hundred|thousand))?{_NUMBER_WORD}(?:(?:\s+|-)(?:and\s+|point\s+)?{_NUMBER_WORD})*\b", re.IGNORECASE
)
_THOUSAND_COMMA = re.compile(rf"(?<=thousand),\s+(?={_NUMBER_WORD}\b)", re.IGNORECASE)
_N_FOR_AND = re.compile(rf"(?:(?<=hundred)|(?<=thousand))\s+(?:n|'n'?|&)\s+(?={_NUMBER_WORD}\b)", re.IGNORECASE)
# "22 fifty for pizza", "12 ninety-five": dollars in digits, the cents in words, as said at a till (not a time: "at 12
# twenty", "10 fifteen am")
_DIGITS_WORD_CENTS = re.compile(
    r"(?<!\bat\s)(?<!\bby\s)(?<!\bfrom\s)(?<!\btill\s)(?<!\buntil\s)(?<!\bgate\s)(?<!\broom\s)(?<!\bsite\s)(?<!\bbay\s)"
    r"(?<![\w.,:$])(?P<dollars>\d{1,4})\s+"
    r"(?P<cents>(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?)\b(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|in\s+the|tonight|this\s+(?:morning|arvo|afternoon|evening)|"
    r"hours?|minutes?|mins?|days?|weeks?|years?|people|kids|litres?|liters?|l\b|kms?\b|k\b|%|percent|thousand|hundred)|"
    r"\s+(?!(?:for|on|at|each|all|in|from|to|and|so|the|a|total|bucks|dollars)\b)[a-z])",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(r"\b(\d+)\s+and\s+a\s+half\b", re.IGNORECASE)  # "42 and a half litres"
_ORDINAL_DAYS = {
    word: day
    for day, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
} | {"thirtieth": 30} | {
    f"{tens}{joiner}{unit}": base + day
    for tens, base in (("twenty", 20), ("thirty", 30))
    for day, unit in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"), 1)
    for joiner in ("-", " ")
    if base + day <= 31
}
# "the fourteenth of November", "the first of March": a day of a month said in words.
_ORDINAL_DATE = re.compile(
    r"\b(?P<ord>" + "|".join(sorted(map(re.escape, _ORDINAL_DAYS), key=len, reverse=True)) + r")\b"
    r"(?=\s+(?:of\s+)?(?:" + MONTH_RE + r")\b)",
    re.IGNORECASE,
)
# "November the second": the month first.
_MONTH_THE_ORDINAL = re.compile(
    r"\b(?P<mon>" + MONTH_RE + r")\s+the\s+(?P<ord>" + "|".join(sorted(map(re.escape, _ORDINAL_DAYS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SCALE = re.compile(r"\b(?:hundred|thousand|million)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"(?:\s+and\s+a\s+half)?\s*(?:dollars?|bucks|cents?|litres?|liters?|l\b|kilomet(?:re|er)s?|kms?\b|k\b|klicks?|gallons?|gals?\b|"
    r"miles?)", re.IGNORECASE
)
_DOLLARS_AND_CENTS = re.compile(
    r"(?:\$\s?)?\b(?P<dollars>\d+)\s*(?:dollars?|bucks)?\s+(?:and\s+)?(?P<cents>\d{1,2})\s*cents?\b|"
    # "96 dollars 40", "312 dollars fifty": the cents said after the dollars, without "cents"
    r"(?:\$\s?)?\b(?P<dollars2>\d+)\s*(?:dollars?|bucks)\s+(?:and\s+)?"
    r"(?P<cents2>\d{2}|(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
    r"(?!\s*(?:[.,:/%]\d|days?|weeks?|months?|years?|nights?|hours?|mins?|minutes?|litres?|liters?|l\b|kms?\b|k\b|"
    r"kilomet|people|percent|o'?clock|am\b|pm\b))",
    re.IGNORECASE,
)
# Digits with a scale word: "3 hundred" is 300, "1.5 thousand" 1500 ("2 hundred and fifty" is left to the parser).
_DIGITS_SCALE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s+(hundred|thousand|grand)\b(?!\s+and\b)", re.IGNORECASE)
_SCALE_OF = {"hundred": 100, "thousand": 1000, "grand": 1000}
_THOUSANDS_AND_HUNDREDS = re.compile(
    r"(?<![\w.,])(\d{1,3})\s+thousand\s+(?:and\s+)?(\d)\s+hundred(?:\s+(?:and\s+)?(\d{1,2})(?![\d.,]))?\b", re.IGNORECASE
)
# "88 thousand 500 km": thousands and the rest in digits.
_THOUSANDS_AND_REST = re.compile(
    r"(?<![\w.,])(\d{1,3})\s+thousand\s+(?:and\s+)?(\d{1,3})(?![\d.,]|\s+(?:hundred|days?|weeks?|months?|years?|hours?|mins?|"
    r"minutes?|nights?|kids|people|times)\b)",
    re.IGNORECASE,
)
# Dictation writes "two" and "four" as the words they sound like: "spent to hundred", "paid for dollars parking".
_HOMOPHONE_NUMBER = re.compile(
    r"(?P<lead>^|\b(?:spent|paid|cost|costs|was|were|only|just|about|around|another|and)\s+)(?P<word>to|too|for)"
    r"(?=\s+(?-i:hundred|thousand|dollars)\b)",
    re.IGNORECASE,
)
# Dictation: "dollar sign 54 point 20" is $54.20.
_DOLLAR_SIGN = re.compile(r"\bdollar\s+sign\s*(?=\d)", re.IGNORECASE)
_SPOKEN_POINT = re.compile(r"(?<![\d.])(\d+)\s+point\s+(\d{1,2})\b(?![.,]\d)", re.IGNORECASE)


def _cents(words: str) -> int:
    return int(words if words.isdigit() else alpha2digit(words, "en"))  # "twenty five" → 25


def _money_said(m: re.Match[str]) -> str:
    if m["dollars"] is not None:
        return f"${m['dollars']}.{int(m['cents']):02d}"
    return f"${m['dollars2']}.{_cents(m['cents2']):02d}"


def _digits(m: re.Match[str]) -> str:
    run, text = m.group(0), m.string
    # "one fifty", "forty two fifty" (money said as in a shop) and "a hundred" are read by the amounts parser;
    # runs with a scale or a unit after them ("seventy two litres", "one hundred and forty dollars") become digits.
    if run.lower().startswith(("hundred", "thousand", "million")):
        if len(run.split()) < 3 or not _UNIT_AFTER.match(text, m.end()):
            return run
        run = "one " + run  # "… litres hundred and ninety one dollars": a hundred and ninety-one, said in a hurry
    run = re.sub(r"^an?\s+", "one ", run, flags=re.IGNORECASE)  # "a hundred and thirty-two" is 132
    if not (_SCALE.search(run) or _UNIT_AFTER.match(text, m.end())):
        return run
    converted = alpha2digit(run, "en")
    return converted if re.fullmatch(r"\d+(?:\.\d+)?", converted) else run


def spoken_numbers(text: str) -> str:
    """Numbers said in words as digits where they are amounts or measures: "seventy two litres" → "72 litres",
    "one hundred and twelve dollars and fifty cents" → "$112.50", "96 dollars 40" → "$96.40",
    "dollar sign 54 point 20" → "$54.20"."""
    text = _SPOKEN_POINT.sub(r"\1.\2", _DOLLAR_SIGN.sub("$", text))
    text = _HOMOPHONE_NUMBER.sub(lambda m: m["lead"] + ("four" if m["word"].lower() == "for" else "two"), text)
    text = _THOUSANDS_AND_HUNDREDS.sub(  # "1 thousand 2 hundred" is 1200
        lambda m: str(int(m[1]) * 1000 + int(m[2]) * 100 + int(m[3] or 0)), text)
    text = _THOUSANDS_AND_REST.sub(lambda m: str(int(m[1]) * 1000 + int(m[2])), text)
    text = _DIGITS_SCALE.sub(lambda m: f"{(Decimal(m[1]) * _SCALE_OF[m[2].lower()]).normalize():f}", text)
    text = _ORDINAL_DATE.sub(lambda m: _ordinal_digits(_ORDINAL_DAYS[m["ord"].lower()]), text)
    text = _MONTH_THE_ORDINAL.sub(lambda m: f"{m['mon']} {_ordinal_digits(_ORDINAL_DAYS[m['ord'].lower()])}", text)
    text = _DIGITS_WORD_CENTS.sub(lambda m: f"${m['dollars']}.{_cents(m['cents']):02d}", text)
    if _NUMBER_RUN.search(text):
        text = _N_FOR_AND.sub(" and ", text)  # "six hundred n forty two"
        text = _THOUSAND_COMMA.sub(" ", text)  # "one thousand, six hundred and eighty dollars"
        text = _NUMBER_RUN.sub(_digits, text)
    return _DOLLARS_AND_CENTS.sub(_money_said, _AND_A_HALF.sub(r"\1.5", text))


def _ordinal_digits(day: int) -> str:
    """14 → "14th", 1 → "1st", 22 → "22nd"."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# Numbers written the European way: "24,50" is 24.50; "102 000 km" and "60.000 km" are 102000 and 60000 km;
# "Kilometer 98 450" is an odometer reading.
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,])")
_GROUPED_KM = re.compile(r"(?<![\d.,])(\d{1,3})(?:[ .](\d{3}))+(?=\s?(?:km|kms|kilomet))", re.IGNORECASE)
_KM_FIRST = re.compile(
    r"\b(?:kilomet(?:er|re)s?|km)\s*(?:reading|stand)?\s*[:=]?\s*(\d{1,3}(?:[ .,]\d{3})+|\d{4,7})\b(?!\s?(?:km|kms))",
    re.IGNORECASE,
)


def european_numbers(text: str) -> str:
    """Decimal commas and thousands grouped by spaces or dots, as a reader of English expects them."""
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _GROUPED_KM.sub(lambda m: re.sub(r"[ .]", "", m.group(0)), text)
    return _KM_FIRST.sub(lambda m: "odometer " + re.sub(r"[ .,]", "", m[1]), text)


# "€58.20 at the till, which the bank app says is $96.45 in our money": the books are kept in dollars, so the amount in
# euros or pounds is only an aside once the message says which dollar figure it came to.
_FOREIGN_AMOUNT = re.compile(
    r"\(?\s*(?:[€£]\s?\d[\d,]*(?:\.\d{1,2})?|\d[\d,]*(?:\.\d{1,2})?\s?(?:euros?|eur|pounds?|gbp|quid)\b)\s*\)?", re.IGNORECASE
)
_HOME_AMOUNT = re.compile(r"\$\s?\d|\b\d[\d,.]*\s?(?:aud|dollars)\b", re.IGNORECASE)
_HOME_SAID = re.compile(
    r"\bin\s+(?:our|aussie|australian)\s+(?:money|dollars|currency)|\bbooks\s+are\s+in\s+(?:aud|dollars)|\baussie\s+dollars|"
    r"\bon\s+(?:our|the|my)\s+(?:card|statement|bank)\s+(?:statement|app)?|\bcame\s+(?:through|out)\s+(?:as|at)|"
    r"\bworks?\s+out\s+(?:at|to|as)|\bbank\s+app|\buse\s+(?:the\s+)?\$|\b(?:log|record|put|pop)\s+(?:in\s+)?the\s+\$",
    re.IGNORECASE,
)


def home_currency_only(text: str) -> str:
    """`text` without its euro and pound amounts when it also says the dollar figure they came to."""
    if _FOREIGN_AMOUNT.search(text) and _HOME_AMOUNT.search(text) and _HOME_SAID.search(text):
        return re.sub(r"\s+([,.;:!?])", r"\1", _FOREIGN_AMOUNT.sub(" ", text))
    return text


_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\U0001F1E6-\U0001F1FF]+"
)


def normalise(text: str) -> str:
    """The request without greetings, "PAM," or politeness around it, typos fixed and whitespace collapsed."""
    text = re.sub(r"[\u2018\u2019]", "'", text or "")
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = _EMOJI.sub(" ", text)  # "📅 dentist in two weeks", "add $40 😅": pictures say nothing to the rules
    # a dash between clauses reads as a comma (not the hyphen of "Sydney - Melbourne - Adelaide")
    text = re.sub(r"\s+[\u2014\u2013]\s+|\s*\u2014\s*|\s+-\s+(?=[a-z]|I\s)", ", ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = with_apostrophes(text)
    text = re.sub(r"^(?:pls\s+|please\s+)?del\b(?=\s+(?:the|my|that|this)\b)", "delete", text, flags=re.IGNORECASE)  # "del the timmies one"
    text = re.sub(r"\b(caravan|van|rv|holiday|trailer)\s+pk\b", r"\1 park", text, flags=re.IGNORECASE)  # "caravan pk"
    text = _REQUEST_AT_END.sub(_requested, text)
    text = kind_remark_as_request(text)
    text = _PER_SLASH.sub(lambda m: f" a {_PER_WORD[m[1].lower()]}", text)
    text = home_currency_only(european_numbers(text))
    if _BUDGET_WORD.search(text):  # "fuel budget 550 pm": per month, not a time of day
        text = _PER_MONTH.sub(r"\1 a month", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _POLITE.sub("", text)
        text = _TRAILING.sub("", text)
        text = _LEADING_GERUND.sub(lambda m: _GERUND[m[1].lower()], text)
    return spoken_numbers(fix_typos(text)).strip()
