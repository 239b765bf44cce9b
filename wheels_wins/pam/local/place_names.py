"""Places named in a request, as a list: "Sydney to Melbourne via Canberra", "broken hill, mildura and adelaide"."""

from __future__ import annotations

import re

from wheels_wins.data.admin1_names import ADMIN1
from wheels_wins.data.destinations import COUNTIES
from wheels_wins.pam.local.entities import title_if_lower
from wheels_wins.pam.local.normalise import sentences, word_set

_THE_LOWER = re.compile(r"^(?:the|a|an)\s+")
_PLACE_STOP = word_set(
    "i me my we our you your it that this is are was be do does did have has had pay buy get make "
    "spend spent add log budget expense there here what how when where which who why can could "
    "would should will please go going take want like need page profile settings community feed "
    "home dashboard planner trip route drive plan long far much cost costs"
)
_PLACE_LEAD_STOP = word_set("of for with and in on at by or but so as about")
# What joins the places of a route: "then", "via", "from", "to", "finishing up in", "picking up the van in".
MARKERS = re.compile(
    r"(?P<then>\s*,?\s*\b(?:and\s+then|then(?:\s+on\s+to)?|after\s+that|followed\s+by|before\s+heading\s+to|"
    r"and\s+on\s+to|on\s+to|onto)\b|\s*(?:->|→|=>|—>|>)\s*|\s+[-–]\s+(?=[A-Za-z]))|"
    r"(?P<via>\b(?:via|through|thru|by\s+way\s+of|(?:passing|going|heading|driving|travelling|traveling)\s+(?:through|thru|via)|stopping\s+over\s+(?:at|in)|"
    r"(?:stopping|calling(?:\s+in)?|breaking\s+(?:the\s+)?(?:trip|journey))\s+(?:at|in|by)|with\s+(?:a\s+)?stops?\s+(?:at|in)|stop\s+(?:at|in)|and\s+stop\s+(?:at|in)|"
    r"(?:stopping|staying|camping)\s+overnight\s+(?:at|in)|overnight(?:ing)?\s+(?:at|in)|"
    r"with\s+(?:a|one|two|three|\d)\s+nights?\s+(?:at|in)|"
    r"(?:we(?:'ll)?\s+)?(?:stop|stay|spend|camp)(?:ping|ing)?\s+(?:for\s+)?(?:one|a|two|three|\d)\s+nights?\s+(?:at|in))\b)|"
    r"(?P<from>\b(?:from|starting\s+(?:at|in|from)|leaving(?:\s+from)?|departing(?:\s+from)?|out\s+of|"
    r"(?:picking\s+up|pick\s+up|collecting|hiring|renting)\s+(?:the|a|an|our|my)\s+(?:[\w-]+\s+){0,2}?(?:in|at|from))\b)|"
    r"(?P<to>\b(?:to(?!\s+(?:see|visit|do|get|go|be|have|make|catch|check|find|look|explore|try|meet|avoid|follow|"
    r"show|pick|take|spend|enjoy|walk|ride|cycle|hike|swim|eat|buy|book|head|drive|stay|stop)\b)|into|towards?|(?:ending|finishing)(?:\s+up)?\s+(?:at|in)|end\s+up\s+(?:at|in)|up\s+to|down\s+to|over\s+to|across\s+to|out\s+to|back\s+to)\b)",
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
    r"around|across|(?:up|down)\s+the|the\s+coast\s+road|first|in\s+between|on\s+the\s+way|along\s+the\s+way|as\s+well|too|to\s+(?:see|visit|do|get|go|be|have|make|catch|check|find|look|explore|try|meet|avoid|follow|show|pick|take|spend|enjoy|walk|ride|cycle|hike|swim|eat|buy|book|stay|stop))\b.*$",
    re.IGNORECASE,
)


# How the route goes, not where: "Melbourne to Adelaide the long way round", "the scenic route via Port Macquarie".
ROUTE_MANNER = re.compile(
    r"\b(?:(?:the|a)\s+)?(?:long|longer|scenic|slow|slower|back|coastal|coast|inland|quick|quicker|fast|faster|short|"
    r"shorter|direct|pretty|easy)\s+(?:way|route|road)(?:\s+(?:round|around|there|back|home))?\b",
    re.IGNORECASE,
)


_WHERE_WE_ARE = re.compile(
    r"^(?:we'?re|we\s+are|i'?m|i\s+am|currently|now|staying|based)(?:\s+(?:currently|now|staying|based))?\s+(?:in|at)\s+",
    re.IGNORECASE,
)


def _clean_place(chunk: str, mixed_case: bool) -> str | None:
    chunk = re.split(r"\s+[-–—]+\s+|\s*[;!?]|\.\s", chunk)[0]  # "via Albany - plan it please", "Cooma. Could you…"
    chunk = re.sub(
        r"^\W*(?:please|pls|plz)\b", "", chunk.strip(), flags=re.IGNORECASE
    )  # "route please broken hill to…"
    chunk = chunk.strip(" \t,.;:!?\"'()")
    chunk = _WHERE_WE_ARE.sub("", chunk)  # "We're in Broome and want to get to Darwin"
    chunk = _PLACE_NOISE.sub("", chunk).strip(" \t,.;:!?\"'()")
    chunk = _THE_LOWER.sub("", chunk)
    if not chunk or "#" in chunk or chunk.lower() in ("the", "a", "an"):
        return None
    words = chunk.split()
    if len(words) > 5 or not words[0][:1].isalnum() or words[0].lower() in _PLACE_LEAD_STOP:
        return None
    if words[0][:1].isdigit() and not re.fullmatch(r"\d{3,4}", words[0]):
        return None
    if any(w.lower() in _PLACE_STOP for w in words):
        return None
    if mixed_case and not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    return title_if_lower(chunk)


# Words that, after a comma, say where the town before them is ("St Ives, Cornwall", "Portland, Oregon"), not another stop.
_US_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois "
    "Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana "
    "Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming"
)
_WHERE_WORDS = frozenset(
    name.lower()
    for table in ADMIN1.values()
    for abbreviation, full_name, aliases in table.values()
    for name in (abbreviation, full_name, *aliases)
    if name
) | frozenset(_US_STATES.lower().split()) | frozenset(
    "new hampshire|new jersey|new mexico|new york state|north carolina|north dakota|rhode island|south carolina|"
    "south dakota|west virginia|uk|usa|us|england|scotland|wales|new zealand|nz|australia|canada|france".split("|")
) | frozenset(name.lower() for county, aliases, *_ in COUNTIES for name in (county, *aliases))


_INSTEAD = re.compile(r"\s+(?:instead|rather)\b(?:\s+of\s+(?:that|this|it))?", re.IGNORECASE)  # "Sydney to Newcastle instead"


def _split_list(chunk: str) -> list[str]:
    parts = [part for part in re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", chunk) if part.strip()]
    kept: list[str] = []
    for part in parts:
        if kept and re.fullmatch(r"\s*,\s*", kept[-1]) and part.strip(" .?!").lower() in _WHERE_WORDS and len(kept) >= 2:
            kept[-2:] = [kept[-2] + ", " + part.strip(" .?!")]  # "St Ives, Cornwall": one place
        else:
            kept.append(part)
    return [part for part in kept if part.strip() and not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and|&)\s*", part)]


_ASIDE_IN_BRACKETS = re.compile(r"\s*\([^)]*\)")
_AT_PLACE = re.compile(r"\b(?:at|in)\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)")
_CAPITALISED_TAIL = re.compile(r"(?<![\w'])(?:[A-Z][\w'.\-]*\s+){0,3}[A-Z][\w'.\-]*$")


def places(segment: str, *, mixed_case: bool | None = None) -> list[str]:
    """Ordered places in a route phrase: "from Sydney to Melbourne via Canberra" → [Sydney, Canberra, Melbourne].

    In text typed with capitals, places must be capitalised; in all-lowercase text any short phrase will do.
    """
    if mixed_case is None:
        mixed_case = segment != segment.lower() and segment != segment.upper()
    segment = _ROUTE_ASIDE.sub("", _BUT_VIA.sub("", segment))
    segment = _INSTEAD.sub("", _ASIDE_IN_BRACKETS.sub("", segment))  # "Carcassonne (Bev's heart is set on it)"
    heading, colon, route = segment.partition(": ")
    if colon and MARKERS.search(route) and not re.search(r"\bfrom\b", heading.split(". ")[-1], re.IGNORECASE):
        segment = route  # "follow the Rhône south for a bit: Dijon to Avignon"
    chunks: list[tuple[str, str]] = []
    label, pos = "start", 0
    for m in MARKERS.finditer(segment):
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
        said = sentences(chunk)  # the route's own sentence: not "… via Stirling. We want to see …"
        chunk = said[-1] if label in ("start", "from") else said[0]
        listed = [p for p in (_clean_place(part, mixed_case) for part in _split_list(chunk)) if p]
        if label in ("start", "from") and origin is None and len(listed) >= 2 and len(listed) == len(_split_list(chunk)):
            origin, stops = listed[0], [*stops, *listed[1:]]  # "Auckland, Rotorua, Taupo, then down to Wellington"
            continue
        if label in ("start", "from"):
            place = _clean_place(chunk, mixed_case)
            if place is None and label == "start" and mixed_case:
                # "could you map out Perth to Broome": the capitalised words just before "to"
                tail = _CAPITALISED_TAIL.search(chunk.rstrip(" \t,.;:!?"))
                place = _clean_place(tail.group(0), mixed_case) if tail else None
            if place and (origin is None or label == "from"):
                origin = place
            continue
        names = [p for p in (_clean_place(part, mixed_case) for part in _split_list(chunk)) if p]
        if label == "via" and last_stop_index is not None:
            stops[last_stop_index:last_stop_index] = names
            last_stop_index += len(names)
        elif names:
            if label in ("to", "then"):
                last_stop_index = len(stops)
            stops.extend(names)
    if origin is None and chunks and chunks[0][0] == "start" and mixed_case:
        # "we're off the ferry at Calais tomorrow and want to head to Paris": where the story has them now
        here = _AT_PLACE.findall(sentences(chunks[0][1])[-1])
        origin = _clean_place(here[-1], mixed_case) if here else None
    route = ([origin] if origin else []) + stops
    deduped: list[str] = []
    for place in route:
        if not deduped or deduped[-1].lower() != place.lower():
            deduped.append(place)
    return deduped
