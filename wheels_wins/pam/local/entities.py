"""Slot extractors over plain text: merchants, descriptions, places, titles, post text, tasks and pages."""

from __future__ import annotations

import re
from collections.abc import Iterable

from wheels_wins.pam.local.normalise import word_set

Span = tuple[int, int]

BRANDS = word_set(
    "woolworths woolies coles aldi iga foodworks spar costco bunnings kmart target bigw big-w "
    "officeworks anaconda bcf supercheap repco autobarn bp shell ampol caltex puma united liberty "
    "metro 7-eleven mobil chemist-warehouse priceline telstra optus vodafone starlink uber "
    "mcdonalds maccas kfc subway dominos hungry-jacks harvey-norman jb-hi-fi dan-murphys bws "
    "liquorland reject-shop spotlight myer david-jones"
)
PLACE_NOUNS = word_set(
    "bakery pub cafe café servo supermarket mechanic mechanics chemist pharmacy market markets "
    "butcher bottle-o bottleo newsagent newsagency hardware club rsl takeaway restaurant shops "
    "shop laundromat servo tavern hotel bistro roadhouse garage campground campsite caravan-park "
    "holiday-park vet dentist doctor doctors hospital post-office tip dump-point marina "
    "fish-and-chip-shop bowls-club golf-club"
)
_NOT_MERCHANT = word_set(
    "night home least most all once last first end start moment time beginning weekend morning "
    "afternoon evening lunchtime noon midday midnight dawn dusk sunset sunrise i the a an my our"
)


def cut(text: str, spans: Iterable[Span]) -> str:
    """`text` with the spans blanked out and whitespace collapsed."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return re.sub(r"\s+", " ", "".join(chars)).strip()


def blank(text: str, spans: Iterable[Span], fill: str = "#") -> str:
    """`text` with each spanned character replaced by `fill`, keeping every other offset unchanged."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = fill
    return "".join(chars)


def capitalise(text: str) -> str:
    """First letter upper-cased, the rest untouched."""
    return text[:1].upper() + text[1:] if text else text


def _title_if_lower(text: str) -> str:
    if text != text.lower():
        return text
    small = {"of", "the", "on", "and", "upon", "de"}
    words = text.split()
    return " ".join(
        w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


_MERCHANT = re.compile(
    r"\b(?:at|from|@)\s+(?P<name>(?:the\s+)?[A-Za-z][\w'&.\-]*(?:\s+[A-Z0-9][\w'&.\-]*)*)"
)


def merchant(text: str, spans: Iterable[Span] = ()) -> str | None:
    """The business after "at"/"from" ("at Woolworths", "from Bunnings", "at the bakery"), or None for times and places."""
    masked = blank(text, spans)
    for m in _MERCHANT.finditer(masked):
        name = m["name"].rstrip(".,'")
        words = name.split()
        if words[0].lower() == "the":
            words = words[1:]
        if not words or "#" in " ".join(words):
            continue
        first = words[0]
        key = first.lower()
        if key in _NOT_MERCHANT:
            continue
        if first[0].isupper():
            return " ".join(words)
        if key in BRANDS or key in PLACE_NOUNS:
            return first[:1].upper() + first[1:]
        joined = "-".join(w.lower() for w in words[:2])
        if joined in PLACE_NOUNS or joined in BRANDS:
            return " ".join(w.capitalize() for w in words[:2])
    return brand_named(masked)


# Brands named without "at" ("aldi run came to $64", "telstra recharge $45"), under their shop-front names.
# Brands that are also everyday words (target, united, metro, shell, subway...) only count after "at".
_BRAND_NAMES = {
    "woolworths": "Woolworths", "woolies": "Woolworths", "coles": "Coles", "aldi": "Aldi", "iga": "IGA",
    "foodworks": "FoodWorks", "costco": "Costco", "bunnings": "Bunnings", "kmart": "Kmart", "big w": "Big W",
    "bigw": "Big W", "officeworks": "Officeworks", "anaconda": "Anaconda", "bcf": "BCF", "supercheap": "Supercheap Auto",
    "repco": "Repco", "autobarn": "Autobarn", "bp": "BP", "ampol": "Ampol", "caltex": "Caltex", "7-eleven": "7-Eleven",
    "mobil": "Mobil", "chemist warehouse": "Chemist Warehouse", "priceline": "Priceline", "telstra": "Telstra",
    "optus": "Optus", "vodafone": "Vodafone", "starlink": "Starlink", "uber": "Uber", "mcdonalds": "McDonald's",
    "mcdonald's": "McDonald's", "maccas": "McDonald's", "kfc": "KFC", "dominos": "Domino's", "domino's": "Domino's",
    "hungry jacks": "Hungry Jack's", "hungry jack's": "Hungry Jack's", "harvey norman": "Harvey Norman",
    "jb hi-fi": "JB Hi-Fi", "jb hifi": "JB Hi-Fi", "dan murphys": "Dan Murphy's", "dan murphy's": "Dan Murphy's",
    "bws": "BWS", "liquorland": "Liquorland", "spotlight": "Spotlight", "myer": "Myer", "david jones": "David Jones",
    "bob jane": "Bob Jane T-Marts", "beaurepaires": "Beaurepaires", "tyrepower": "Tyrepower", "jax tyres": "JAX Tyres",
    "ultra tune": "Ultra Tune", "midas": "Midas", "mitre 10": "Mitre 10", "total tools": "Total Tools",
    "big4": "BIG4", "big 4": "BIG4", "discovery parks": "Discovery Parks", "foodland": "Foodland", "drakes": "Drakes",
    "nrma": "NRMA", "racv": "RACV", "racq": "RACQ", "aami": "AAMI", "medibank": "Medibank", "bupa": "Bupa",
    "snowys": "Snowys", "tentworld": "Tentworld", "jaycar": "Jaycar", "amart": "Amart", "ikea": "IKEA",
}
_BRAND = re.compile(
    r"(?<![\w'-])(?P<brand>" + "|".join(re.escape(b) for b in sorted(_BRAND_NAMES, key=len, reverse=True)) + r")(?![\w'-])",
    re.IGNORECASE,
)


def brand_named(text: str) -> str | None:
    """A well-known shop or service named anywhere in `text`, by its shop-front name, or None."""
    m = _BRAND.search(text)
    return _BRAND_NAMES[" ".join(m["brand"].lower().split())] if m else None


_DROP_LEAD = word_set(
    "at i i've ive i'd i'll we we've just have had has spent spend paid pay paying bought buy "
    "purchased got get add added log logged record recorded put enter note track save an a expense "
    "expenses of for on the my our some was that this it it's its is another new-expense cost "
    "costs chuck stick jot made earned earnt received receive income been were in down pop and also plus"
)
_DROP_TAIL = word_set(
    "today cost costs costing me us for on of at expense expenses was it in total please and the "
    "to which that just dollars bucks my a an with from is came"
)
_KEEP_LEAD_INCOME = frozenset({"sold", "selling", "doing", "working"})


def _trim(words: list[str], lead: frozenset[str], tail: frozenset[str]) -> list[str]:
    while words and words[0].lower().strip(",.;:!?") in lead:
        words = words[1:]
    while words and words[-1].lower().strip(",.;:!?") in tail:
        words = words[:-1]
    return words


def description(text: str, spans: Iterable[Span] = ()) -> str:
    """A short description: the sentence without amounts, dates, filler verbs and trailing glue words."""
    cleaned = re.sub(r"[\"“”]", "", cut(text, spans))
    cleaned = re.sub(r"\s*[,;:!?]+\s*", " ", cleaned).strip(" .-")
    words = _trim(cleaned.split(), _DROP_LEAD, _DROP_TAIL)
    return capitalise(" ".join(words).strip(" .-,"))


def income_source(text: str, spans: Iterable[Span] = ()) -> str:
    """Where income came from ("selling at the market", "house-sitting"), from the sentence minus amount and date."""
    cleaned = re.sub(r"\s*[,;:!?]+\s*", " ", cut(text, spans)).strip(" .-")
    words = cleaned.split()
    lead = _DROP_LEAD | {"from", "for", "by", "doing", "to", "me", "us"} - _KEEP_LEAD_INCOME
    words = _trim(words, frozenset(lead), _DROP_TAIL)
    return " ".join(words).strip(" .-,")


_THE_LOWER = re.compile(r"^(?:the|a|an)\s+")
_PLACE_STOP = word_set(
    "i me my we our you your it that this is are was be do does did have has had pay buy get make "
    "spend spent add log budget expense there here what how when where which who why can could "
    "would should will please go going take want like need page profile settings community feed "
    "home dashboard planner trip route drive plan long far much cost costs"
)
_PLACE_LEAD_STOP = word_set("of for with and in on at by or but so as about")
_MARKERS = re.compile(
    r"(?P<then>\s*,?\s*\b(?:and\s+then|then(?:\s+on\s+to)?|after\s+that|followed\s+by|before\s+heading\s+to|"
    r"and\s+on\s+to|on\s+to|onto)\b|\s*(?:->|→|=>|—>|>)\s*|\s+[-–]\s+(?=[A-Za-z]))|"
    r"(?P<via>\b(?:via|through|thru|by\s+way\s+of|(?:passing|going|heading|driving|travelling|traveling)\s+(?:through|thru|via)|stopping\s+over\s+(?:at|in)|"
    r"stopping\s+(?:at|in|by)|with\s+(?:a\s+)?stops?\s+(?:at|in)|stop\s+(?:at|in)|and\s+stop\s+(?:at|in)|"
    r"(?:stopping|staying|camping)\s+overnight\s+(?:at|in)|overnight(?:ing)?\s+(?:at|in)|"
    r"with\s+(?:a|one|two|three|\d)\s+nights?\s+(?:at|in)|"
    r"(?:we(?:'ll)?\s+)?(?:stop|stay|spend|camp)(?:ping|ing)?\s+(?:for\s+)?(?:one|a|two|three|\d)\s+nights?\s+(?:at|in))\b)|"
    r"(?P<from>\b(?:from|starting\s+(?:at|in|from)|leaving(?:\s+from)?|departing(?:\s+from)?|out\s+of)\b)|"
    r"(?P<to>\b(?:to|into|towards?|ending\s+(?:at|in)|finishing\s+(?:at|in)|up\s+to|down\s+to|over\s+to|across\s+to)\b)",
    re.IGNORECASE,
)
# "broken hill to adelaide but via mildura cause we want to see the river": the reason is no part of the route.
_ROUTE_ASIDE = re.compile(
    r"\s*,?\s+(?:because|'?cause|coz|cos|as\s+(?:we|i)|so\s+(?:we|i)|since\s+(?:we|i))\b.*$|"
    r"\s*,\s*(?:i'?m|we'?re|i\s+am|we\s+are|i'?ll|we'?ll)\b.*$",
    re.IGNORECASE,
)
_BUT_VIA = re.compile(r"\bbut\s+(?=via\b|through\b|thru\b|going\b|stopping\b|passing\b)", re.IGNORECASE)
_PLACE_NOISE = re.compile(
    r"\s+(?:for|leaving|departing|starting|with|in\s+(?:my|the|our|a|an)|on\s+(?:my|the|our|a)|please|and\s+back|"
    r"return(?:ing)?|and\s+return|avoiding|taking|using|over|next|this|by\s+(?:car|road|van)|asap|soon|in\s+\d|"
    r"can|could|would|will|and\s+want|want|plan|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"before|then|we|so|"
    r"at\s+\d|how|what|is|and\s+(?:how|what|tell|show|give|estimate|work)|that|which|along|following|hugging|"
    r"around|across|up\s+the\s+coast|down\s+the\s+coast)\b.*$",
    re.IGNORECASE,
)


def _clean_place(chunk: str, mixed_case: bool) -> str | None:
    chunk = re.split(r"\s+[-–—]+\s+|\s*[;!?]|\.\s", chunk)[0]  # "via Albany - plan it please", "Cooma. Could you…"
    chunk = re.sub(r"^\W*(?:please|pls|plz)\b", "", chunk.strip(), flags=re.IGNORECASE)  # "route please broken hill to…"
    chunk = chunk.strip(" \t,.;:!?\"'()")
    chunk = _PLACE_NOISE.sub("", chunk).strip(" \t,.;:!?\"'()")
    chunk = _THE_LOWER.sub("", chunk)
    if not chunk or "#" in chunk or chunk.lower() in ("the", "a", "an"):
        return None
    words = chunk.split()
    if (
        len(words) > 5
        or not words[0][:1].isalnum()
        or words[0].lower() in _PLACE_LEAD_STOP
    ):
        return None
    if words[0][:1].isdigit() and not re.fullmatch(r"\d{3,4}", words[0]):
        return None
    if any(w.lower() in _PLACE_STOP for w in words):
        return None
    if mixed_case and not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    return _title_if_lower(chunk)


def _split_list(chunk: str) -> list[str]:
    return [
        part
        for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", chunk)
        if part.strip()
    ]


_CAPITALISED_TAIL = re.compile(r"(?<![\w'])(?:[A-Z][\w'.\-]*\s+){0,3}[A-Z][\w'.\-]*$")


def places(segment: str, *, mixed_case: bool | None = None) -> list[str]:
    """Ordered places in a route phrase: "from Sydney to Melbourne via Canberra" → [Sydney, Canberra, Melbourne].

    In text typed with capitals, places must be capitalised; in all-lowercase text any short phrase will do.
    """
    if mixed_case is None:
        mixed_case = segment != segment.lower() and segment != segment.upper()
    segment = _ROUTE_ASIDE.sub("", _BUT_VIA.sub("", segment))
    chunks: list[tuple[str, str]] = []
    label, pos = "start", 0
    for m in _MARKERS.finditer(segment):
        chunks.append((label, segment[pos : m.start()]))
        label = next(name for name, value in m.groupdict().items() if value is not None)
        pos = m.end()
    chunks.append((label, segment[pos:]))

    origin: str | None = None
    stops: list[str] = []
    last_stop_index: int | None = None
    previous = "start"
    for label, chunk in chunks:
        label, previous = ("via" if label == "then" and previous == "via" else label), label
        if label in ("start", "from"):
            place = _clean_place(chunk, mixed_case)
            if place is None and label == "start" and mixed_case:
                # "could you map out Perth to Broome": the capitalised words just before "to"
                tail = _CAPITALISED_TAIL.search(chunk.rstrip(" \t,.;:!?"))
                place = _clean_place(tail.group(0), mixed_case) if tail else None
            if place and (origin is None or label == "from"):
                origin = place
            continue
        names = [
            p
            for p in (_clean_place(part, mixed_case) for part in _split_list(chunk))
            if p
        ]
        if label == "via" and last_stop_index is not None:
            stops[last_stop_index:last_stop_index] = names
            last_stop_index += len(names)
        elif names:
            if label in ("to", "then"):
                last_stop_index = len(stops)
            stops.extend(names)
    route = ([origin] if origin else []) + stops
    deduped: list[str] = []
    for place in route:
        if not deduped or deduped[-1].lower() != place.lower():
            deduped.append(place)
    return deduped


_CALENDAR_CUE = re.compile(
    r"^(?:remind\s+(?:me|us)(?:\s+(?:to|about|that|of|re)\b)?|remember\s+(?:me|us)\s+to\b|"
    r"set\s+(?:up\s+)?(?:a\s+|me\s+a\s+)?reminder\s*(?:to|for|about|that)?|"
    r"(?:create|add|make|put\s+in|chuck|pop|stick|whack|throw|put)\s+(?:a\s+|in\s+a\s+)?reminder(?:\s+in)?\s*(?:to|for|about|that)?|"
    r"reminder\s*[:\-]?\s*(?:to|for|about)?|"
    r"(?:don'?t|do\s+not)\s+let\s+me\s+forget\s*(?:to|about)?|(?:don'?t|do\s+not)\s+forget\s*(?:to|about)?|"
    r"(?:add|put|schedule|book(?:\s+in)?|create|make|set\s+up|pencil\s+in|note\s+down|enter|save|block\s+out)\b|"
    r"(?:i|we)\s+(?:have|'ve\s+got|ve\s+got|got|need\s+to|have\s+to|must|'ve\s+got\s+to|should)\b|(?:i|we)'?ve\s+got(?:\s+to)?\b|"
    r"there'?s\b|need\s+to\b|have\s+to\b|gotta\b|got\s+to\b)\s*",
    re.IGNORECASE,
)
_CALENDAR_SUFFIX = re.compile(
    r"\s*\b(?:to|in|on|into|onto)\s+(?:(?:my|the|our)\s+)?(?:calendar|diary|planner|agenda)\b(?:\s*:)?|"
    r"\s*\b(?:to|in|on|into|onto)\s+(?:my|the|our)\s+schedule\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:a|an|the|my|our|me\s+a)\s+", re.IGNORECASE)


# ", add it to the calendar", ", can you put that in please": the request, after the event itself.
_ADD_IT_TAIL = re.compile(
    r"[\s,;.\-–—]+(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:add|put|stick|pop|chuck|pencil|note|save|"
    r"write|jot|book)\s+(?:it|that|this|them)(?:\s+(?:in|down|up))?(?:\s+please)?[\s.!?]*$",
    re.IGNORECASE,
)


def calendar_title(text: str, spans: Iterable[Span] = ()) -> str:
    """The event's title: "Remind me to renew the rego on 15 March" → "Renew the rego"."""
    cleaned = _ADD_IT_TAIL.sub("", _CALENDAR_SUFFIX.sub("", cut(text, spans)))
    cleaned = re.sub(r"\s+([,.;:!?])", r"\1", cleaned)
    cleaned = _CALENDAR_CUE.sub("", cleaned, count=1).strip(" ,.;:!?-")
    cleaned = re.sub(
        r"^(?:to|about|that|for|of|re)\s+", "", cleaned, flags=re.IGNORECASE
    )
    cleaned = _ARTICLE.sub("", cleaned)
    cleaned = re.sub(
        r"^(?:event|appointment|reminder|entry)\s*[:\-]\s*",
        "",
        cleaned,
        flags=re.IGNORECASE,
    )
    cleaned = re.sub(
        r"(?:\s+(?:on|at|for|by|from|until|starting|is|are|'s))+$",
        "",
        cleaned,
        flags=re.IGNORECASE,
    )
    return capitalise(cleaned.strip(" ,.;:!?-"))


_POST_LEAD = re.compile(
    r"^(?:(?:post|share|publish|announce|broadcast|tweet)(?:\s+(?:this|that|a\s+(?:message|post|note|question|update)|"
    r"an\s+update|something|it))?(?:\s+(?:to|on|in|with)\s+(?:the\s+|my\s+|all\s+)?(?:community|feed|forum|group|wall|"
    r"everyone|everybody|socials?|timeline|page|other\s+\w+|folks|members)(?:\s+(?:page|feed|board))?)?|"
    r"(?:tell|ask|let)\s+(?:the\s+)?(?:community|everyone|everybody|folks|people|others|other\s+\w+|group|followers|"
    r"members|nomads|travellers|crew|gang)(?:\s+know)?|"
    r"(?:make|write|create|put\s+up|add|send|do)\s+(?:a\s+|an\s+)?(?:new\s+|quick\s+)?(?:community\s+|social\s+)?post"
    r"(?:\s+(?:to|on|in)\s+(?:the\s+)?(?:community|feed|forum|group))?|"
    r"(?:a\s+|new\s+)?(?:community|social|feed)\s+post(?:\s+please)?\s*[-–—,]?|"
    r"(?:put|stick|pop|chuck|throw|whack|get)\s+(?:a\s+|an\s+)?(?:new\s+|quick\s+)?post\s+(?:up|out)"
    r"(?:\s+(?:to|on|in)\s+(?:the\s+)?(?:community|feed|forum|group))?)"
    r"(?:\s*(?:saying|that|asking|which\s+says|says|telling\s+(?:them|everyone)|to\s+say|if|whether|about))?\s*",
    re.IGNORECASE,
)


def post_content(text: str) -> str:
    """The text to post: after a colon, inside quotes, or after "post that"/"share"/"ask the community"."""
    quoted = re.search(r"[\"“](.+?)[\"”]", text)
    if ":" in text:
        content = text.split(":", 1)[1]
    elif quoted:
        content = quoted.group(1)
    else:
        content = _POST_LEAD.sub("", text, count=1)
    content = content.strip().strip("\"“”'").strip()
    return capitalise(content)


_SERVICE_STATION = re.compile(
    r"\bservice\s+station\b|\bcustomer\s+service\b|\bbus\s+service\b|\bphone\s+service\b|"
    # a body's name: "the Royal Flying Doctor Service" (but "the Logbook Service" is work on the van)
    r"(?-i:the\s+(?!(?:Logbook|Major|Minor|Full|Annual|Regular|Engine|Van|Car|Caravan)\b)(?:[A-Z][\w']+\s+)+Service)\b",
    re.IGNORECASE,
)
_TASKS: list[tuple[re.Pattern[str], str | None]] = [
    (
        re.compile(
            r"\boil(?:\s+and\s+filter)?\s+change|\bchang(?:e|ed|ing)\s+(?:the\s+)?oil\b|\boil\s+(?:was\s+|got\s+)?changed|"
            r"\boil\s+and\s+filters?\b|\boil\s+service\b|\bnew\s+oil\b",
            re.IGNORECASE,
        ),
        "Oil change",
    ),
    (
        re.compile(
            r"\bt[yi]re\s+rotation|\brotat(?:e|ed|ing)\s+(?:the\s+)?t[yi]res|\bt[yi]res\s+(?:were\s+|got\s+)?rotated",
            re.IGNORECASE,
        ),
        "Tyre rotation",
    ),
    (
        re.compile(r"\bwheel\s+alignment|\balignment\b|\baligned\b", re.IGNORECASE),
        "Wheel alignment",
    ),
    (
        re.compile(
            r"\bwheel\s+balanc\w*|\bbalanc(?:e|ed|ing)\s+(?:the\s+)?(?:wheels|t[yi]res)",
            re.IGNORECASE,
        ),
        "Wheel balance",
    ),
    (
        re.compile(
            r"\bnew\s+t[yi]res\b|\bt[yi]res?\s+(?:were\s+)?(?:replaced|fitted|changed)|"
            r"\b(?:replaced|fitted|changed)\s+(?:the\s+|\w+\s+)?t[yi]res?\b",
            re.IGNORECASE,
        ),
        "New tyres",
    ),
    (
        re.compile(
            r"\bbrake\s+(?:pads?|discs?|rotors?|fluid)|\bbrakes?\b", re.IGNORECASE
        ),
        None,
    ),
    (re.compile(r"\b(?:new\s+)?batter(?:y|ies)\b", re.IGNORECASE), "Battery"),
    (re.compile(r"\b(?:air|fuel|cabin|oil|diesel)\s+filters?\b", re.IGNORECASE), None),
    (re.compile(r"\b(?:timing|fan|cam|serpentine)\s+belt\b", re.IGNORECASE), None),
    (
        re.compile(r"\bcoolant(?:\s+flush)?|\bradiator(?:\s+flush)?", re.IGNORECASE),
        None,
    ),
    (re.compile(r"\bspark\s+plugs?\b", re.IGNORECASE), "Spark plugs"),
    (
        re.compile(
            r"\b(?:clutch|alternator|starter\s+motor|fuel\s+pump|injectors?|cv\s+joints?|head\s+gasket|glow\s+plugs?|"
            r"muffler|tie\s+rods?|ball\s+joints?|bushes|diff(?:erential)?\s+oil|turbo|power\s+steering(?:\s+pump)?|"
            r"head\s*lights?(?:\s+globes?)?|tail\s*lights?(?:\s+globes?)?|brake\s+lights?|indicator\s+globes?|leaf\s+springs?|"
            r"u-?joints?|drive\s+shaft|thermostat|radiator\s+hoses?|fan\s+belt|drive\s+belt)\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (re.compile(r"\bwiper\s+blades?|\bwipers\b", re.IGNORECASE), "Wiper blades"),
    (
        re.compile(
            r"\bwheel\s+bearings?|\bbearings?\s+(?:repacked|greased|replaced)",
            re.IGNORECASE,
        ),
        "Wheel bearings",
    ),
    (
        re.compile(
            r"\btransmission(?:\s+(?:service|fluid|oil))?|\bgearbox(?:\s+(?:service|oil))?",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(r"\bwindscreen(?:\s+(?:repair|replacement|chip))?", re.IGNORECASE),
        None,
    ),
    (re.compile(r"\bshock\s+absorbers?|\bshocks\b", re.IGNORECASE), "Shock absorbers"),
    (re.compile(r"\bsuspension\b", re.IGNORECASE), "Suspension"),
    (re.compile(r"\bgreas(?:e|ed|ing)\b|\blube\b", re.IGNORECASE), "Grease and lube"),
    (
        re.compile(
            r"\bgas\s+(?:check|certificate|compliance|inspection)", re.IGNORECASE
        ),
        "Gas compliance check",
    ),
    (
        re.compile(
            r"\broadworthy|\brwc\b|\bsafety\s+(?:check|inspection)|\bpink\s+slip|\binspection\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (re.compile(r"\bexhaust\b", re.IGNORECASE), "Exhaust"),
    (re.compile(r"\bwater\s+pump\b", re.IGNORECASE), "Water pump"),
    (
        re.compile(
            r"\b(?:\d+(?:,\d{3})?\s?k(?:m)?|logbook|major|minor|full|annual|regular|engine|scheduled|van|car|caravan)\s+service\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (re.compile(r"\bservic(?:e|ed|ing)\b", re.IGNORECASE), "Service"),
]
ACTION_TASKS = frozenset(
    {
        "Oil change",
        "Tyre rotation",
        "Wheel alignment",
        "Wheel balance",
        "Service",
        "Grease and lube",
        "Gas compliance check",
    }
)


# "the three-way fridge was serviced", "serviced the generator": the part serviced names the task.
_RV_PART = (
    r"(?:three-way\s+|3-way\s+|compressor\s+)?fridge|generator|genny|air\s?con(?:ditioner)?|a/c|hot\s+water\s+(?:system|unit)|"
    r"toilet|awning|heater|furnace|water\s+pump|solar(?:\s+system)?|inverter|gas\s+system|brakes"
)
_PART_SERVICED = re.compile(
    rf"\b(?P<part>{_RV_PART})\s+(?:was\s+|got\s+|been\s+|had\s+been\s+)?serviced\b|"
    rf"\bservic(?:ed|ing)\s+(?:the\s+|our\s+|my\s+)?(?P<part2>{_RV_PART})\b",
    re.IGNORECASE,
)
# "greased the tow hitch" is about the hitch: the part greased names the task.
_GREASED_PART = re.compile(
    r"\bgreas(?:e|ed|ing)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+)?(?!and\b|lube\b|nipples?\b|gun\b)"
    r"(?P<part>[a-z][a-z-]*(?:\s+(?!at\b|on\b|for\b|in\b|today\b|yesterday\b|and\b|with\b|this\b|last\b)[a-z][a-z-]*)?)",
    re.IGNORECASE,
)


def maintenance_task(text: str) -> str | None:
    """The maintenance task named in `text` ("oil change", "tyre rotation", "logbook service"), or None."""
    masked = _SERVICE_STATION.sub(" ", text)
    part = _PART_SERVICED.search(masked)
    if part:
        return f"{capitalise((part['part'] or part['part2']).lower())} service"
    greased = _GREASED_PART.search(masked)
    if greased and not re.match(r"(?:wheel\s+)?bearings?\b", greased["part"], re.IGNORECASE):
        return f"Grease {greased['part'].lower()}"
    for pattern, name in _TASKS:
        m = pattern.search(masked)
        if not m:
            continue
        task = name or capitalise(re.sub(r"\s+", " ", m.group(0).strip()).lower())
        if name == "Service" and re.search(r"\bservicing\b", m.group(0), re.IGNORECASE):
            task = "Service"
        if re.search(r"\btire", text, re.IGNORECASE) and not re.search(
            r"\btyre", text, re.IGNORECASE
        ):
            task = task.replace("Tyre", "Tire").replace("tyre", "tire")
        return task
    return None


_VEHICLE_CONTEXT = re.compile(
    r"\b(?:mechanic|mechanics|garage|van|car|ute|truck|caravan|camper|motorhome|rig|4wd|4x4|engine|vehicle|trailer|"
    r"alternator|radiator|starter(?:\s+motor)?|clutch|muffler|injectors?|turbo|diff|axle|springs?|hitch|"
    r"jockey\s+wheel|headlights?|tail\s*lights?|aircon|air\s+con|cv\s+joints?|tie\s+rods?|bushes|glow\s+plugs?|"
    r"hoses?|thermostat|fuel\s+pump|ac\s+compressor|compressor)\b|\d\s?km\b",
    re.IGNORECASE,
)
_REPAIR_VERBS = r"replaced|changed|fixed|repaired|fitted|installed|serviced|rebuilt|regassed|re-?gassed|welded|adjusted|flushed|checked"
_HAD_DONE = re.compile(
    r"\b(?:had|got)\s+(?:the|a|an|my|our|its|new)?\s*(?P<obj>[a-z][\w\s-]{2,40}?)\s+(?P<verb>"
    + _REPAIR_VERBS
    + r")\b",
    re.IGNORECASE,
)
_DID = re.compile(
    r"\b(?P<verb>"
    + _REPAIR_VERBS
    + r")\s+(?:the|a|an|my|our|its|new)\s+(?P<obj>[a-z][\w-]*(?:\s+(?!for\b|at\b|on\b|today\b|"
    r"yesterday\b|cost\b|and\b|with\b)[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
# "the anode in the hot water system got replaced": the work said in the passive.
_WAS_DONE = re.compile(
    r"\b(?:the|a|an|my|our|its)\s+(?P<obj>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?)\s+"
    r"(?:got|was|were|has\s+been|have\s+been|been)\s+(?P<verb>" + _REPAIR_VERBS + r")\b",
    re.IGNORECASE,
)
_PAST = {"change": "changed", "replace": "replaced", "fix": "fixed", "repair": "repaired", "fit": "fitted",
         "install": "installed"}
_AM_DO = re.compile(
    r"\b(?:am|is|are|was|were)\s+(?P<verb>" + "|".join(_PAST) + r")\s+(?:the|a|an|my|our|its|new)\s+"
    r"(?P<obj>[a-z][\w-]*(?:\s+(?!for\b|at\b|on\b|today\b|yesterday\b|and\b|with\b)[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
_NOT_VEHICLE_OBJECT = word_set(
    "hair nails teeth eyes mind plans booking phone clothes dog cat"
)


def repair_task(text: str) -> str | None:
    """A repair not in the task list, in vehicle context: "mechanic replaced the alternator" → "Alternator replaced"."""
    if not _VEHICLE_CONTEXT.search(text):
        return None
    m = _HAD_DONE.search(text) or _DID.search(text) or _WAS_DONE.search(text) or _AM_DO.search(text)
    if not m:
        return None
    verb = m["verb"].lower()
    verb = _PAST.get(verb, verb)  # "yesterday I am replace the tyres": "Tyres replaced"
    obj = re.sub(
        r"^(?:the|a|an|my|our|its)\s+", "", m["obj"].strip(), flags=re.IGNORECASE
    )
    if not obj or obj.split()[0].lower() in _NOT_VEHICLE_OBJECT:
        return None
    return capitalise(f"{obj} {verb}")


def is_action_task(task: str | None) -> bool:
    """Whether the task is work done (an oil change) rather than a part bought (brake pads)."""
    return bool(task) and (task in ACTION_TASKS or task.lower().endswith("service"))


_FUEL_TYPES = [
    (
        re.compile(
            r"\bpremium(?:\s+unleaded)?\b|\bpulp\b|\b9[58](?:\s+(?:octane|ron|unleaded))?\b",
            re.IGNORECASE,
        ),
        "premium",
    ),
    (re.compile(r"\be10\b", re.IGNORECASE), "e10"),
    (re.compile(r"\be85\b", re.IGNORECASE), "e85"),
    (re.compile(r"\blpg\b|\bautogas\b", re.IGNORECASE), "lpg"),
    (re.compile(r"\bdiesel\b", re.IGNORECASE), "diesel"),
    (re.compile(r"\badblue\b", re.IGNORECASE), "adblue"),
    (
        re.compile(r"\bunleaded\b|\bulp\b|\bpetrol\b|\bgas\b|\b91\b", re.IGNORECASE),
        "unleaded",
    ),
]


def fuel_type(text: str) -> str | None:
    """Fuel grade named in `text`: diesel, unleaded, premium, e10, e85, lpg, adblue; None when unsaid."""
    for pattern, name in _FUEL_TYPES:
        if pattern.search(text):
            return name
    return None


_IN_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?P<name>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)"
)


def town(text: str, spans: Iterable[Span] = ()) -> str | None:
    """A capitalised place after "in"/"at"/"near" ("in Dubbo"), or None."""
    masked = blank(text, spans)
    for m in _IN_PLACE.finditer(masked):
        name = m["name"]
        if name.lower().split()[0] not in _NOT_MERCHANT and name.lower() not in BRANDS:
            return name
    return None


PAGES: dict[str, str] = {}
for _path, _words in {
    "/": "home homepage home-page main main-page start dashboard overview main-screen start-page calendar reminders "
    "schedule diary agenda",
    "/wins": "wins budget budgets money finances finance expenses expense spending income wallet budget-page money-page "
    "budget-planner expense-tracker savings bank",
    "/wheels": "wheels trip-planner trips trip planner route-planner routes route map maps journey-planner vehicle "
    "vehicles fuel-log fuel-logs maintenance travel trip-page rig van car my-van fuel",
    "/social": "social community feed forum posts groups community-page news-feed noticeboard friends community-feed "
    "social-feed message-board",
    "/you": "you profile settings account my-account preferences me my-details my-profile user-settings "
    "account-settings details",
}.items():
    for _word in _words.split():
        PAGES[_word.replace("-", " ")] = _path


# Words that say which page a "take me there" means, beyond the pages' own names.
_PAGE_TOPICS: dict[str, str] = {
    **{w: "/social" for w in ("travellers", "travelers", "chatting", "saying", "posting", "members", "nomads")},
    **{w: "/you" for w in ("miles", "kilometres", "kilometers", "units", "currency", "password", "photo", "name")},
}


def page_mentioned(text: str) -> str | None:
    """The page a sentence is about, by the first word that names one ("what other travellers are saying" → /social)."""
    for word in re.findall(r"[a-z']+", text.lower()):
        if word in _PAGE_TOPICS:
            return _PAGE_TOPICS[word]
        if word in PAGES and word not in ("me", "you", "details", "start", "overview"):
            return PAGES[word]
    return None


def page_target(phrase: str) -> str | None:
    """The app page a short phrase names ("my budget" → /wins, "trip planner" → /wheels), or None."""
    # "the page where I can change my profile": what can be done there names it
    phrase = re.sub(
        r"^(?:the\s+)?(?:page|screen|tab|section|place|part|bit)\s+(?:where|that|which|in\s+which)\s+(?:i|we|you)\s+"
        r"(?:can|could|would|do)\s+(?:\w+\s+)?(?:(?:over\s+)?to\s+)?",
        "", phrase.strip(), flags=re.IGNORECASE,
    )
    phrase = re.sub(r"^(?:what|where)\s+(?:(?:i|we)(?:'ve|\s+have)?\s+(?:been\s+)?|(?:my|our|the)\s+)", "", phrase,
                    flags=re.IGNORECASE)
    phrase = re.sub(r"\s+(?:live|lives|are|is|sit|sits|go|goes|are\s+kept)$", "", phrase, flags=re.IGNORECASE)
    # "Wheels page for me - I want…", "the money section i want to have a look at the income"
    phrase = re.split(r"\s+[-–—]+\s+|[,;:]|\s+(?:so|because|cause|as|i|we|i'?m|we'?re)\s+", phrase)[0]
    phrase = re.sub(
        r"\b(?:(?:that|which)\s+(?:shows?|has|have|lists?)|showing|of|with|w|for\s+(?:me|us)|n|and)\b",
        " ", phrase, flags=re.IGNORECASE,
    )  # "the page that shows our spending", "the page of my trips", "page w my spending n budgets"
    words = re.sub(r"[^\w\s']", " ", phrase.lower()).split()
    words = [
        w
        for w in words
        if w
        not in (
            "the",
            "my",
            "your",
            "our",
            "a",
            "page",
            "screen",
            "tab",
            "section",
            "view",
            "area",
            "please",
            "now",
            "again",
            "app",
        )
    ]
    if not words or len(words) > 3:
        return None
    key = " ".join(words)
    if key in PAGES:
        return PAGES[key]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size])
            if chunk in PAGES:
                return PAGES[chunk]
    return next((_PAGE_TOPICS[w] for w in words if w in _PAGE_TOPICS), None)  # "the page where I change my photo"
