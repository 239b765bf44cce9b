"""Trips to plan: "plan Sydney to Melbourne via Canberra", "we stop one night in Derby"."""

from __future__ import annotations

import re
from typing import Any

from wheels_wins.pam.local import entities, place_names
from wheels_wins.pam.local.sentence import Intent, Sentence, words
from wheels_wins.pam.local.times import time_spans
from wheels_wins.services import gazetteer

TRIP_STRONG = re.compile(
    r"\b(?:road\s*trip|trip|route|drive|driving|journey|itinerary|directions|travel(?:l?ing)?|head(?:ing)?|roadie|"
    r"trek|(?<!by\s)way|convoy)\b",
    re.IGNORECASE,
)
_TRIP_WEAK = re.compile(
    r"\b(?:(?:map|plot|work|figure|sort|set)\s+out|go|going|get|far|long|ride|cycle|fly|plan|plot|map)\b", re.IGNORECASE
)
ROUTE_MARKER = re.compile(r"\b(?:from|to|via|through)\b|->|→", re.IGNORECASE)
_DONE_ALREADY = re.compile(r"^(?:we\s+|i\s+)?(?:took|brought|dropped|walked|sent|carried|gave|got|went|ran|rode|drove)\b",
                           re.IGNORECASE)  # "Took the kids to the Zoo": what happened, not a route to plan
_PLACE_TO_PLACE = re.compile(
    r"^(?:from\s+)?[A-Za-z][\w' .\-]{0,40}?\s+(?:to|->|→)\s+[A-Za-z0-9]", re.IGNORECASE
)


# "we want to do Melbourne to Lakes Entrance": the wish before the route, whose "to" is not part of it.
_WANT_TO = re.compile(
    r"^(?:so\s+|ok\s+|okay\s+)?(?:we|i)(?:'d|\s+would)?\s+(?:want|wanna|need|like|hope|are\s+hoping|plan|are\s+planning)\s+"
    r"(?:to\s+)?(?:do\s+|tackle\s+)?",
    re.IGNORECASE,
)
_CUE_OBJECT = re.compile(r"\s+(?:it|that|this|one)(?:\s+(?:out|for\s+(?:me|us)))?\b", re.IGNORECASE)


def _route_segment(masked: str, cues: list[re.Match[str]]) -> str:
    """The text after the last trip cue that comes before the route itself, else the text without its cues."""
    markers = [m.start() for m in (ROUTE_MARKER.search(masked), place_names.MARKERS.search(masked)) if m]
    first = min(markers, default=len(masked))  # "picking up the van in X, then Y, … can you set that trip up?"
    before = [c for c in cues if c.end() <= first]
    if before:
        return masked[max(c.end() for c in before) :]
    spans = []
    for cue in cues:  # "... via norseman plan it": the cue's object goes with it
        after = _CUE_OBJECT.match(masked, cue.end())
        spans.append((cue.start(), after.end() if after else cue.end()))
    return entities.blank(masked, spans, " ")


# Money already spent on the way ("spent $30 on fuel driving Dubbo to Orange") is an expense, not a plan.
_SPENT_ON_THE_WAY = re.compile(words("spent|paid|bought|purchased|cost me|charged|forked out|shelled out"), re.IGNORECASE)


_PLANNING = re.compile(words("plan|planning|map|plot|route|itinerary|budget|how far|how long|work out|organise|organize"), re.IGNORECASE)


# "how far is it from Darwin to Katherine?": a question about the road, answered without saving a trip.
_HOW_FAR = re.compile(
    r"^(?:so\s+|and\s+|hey\s+pam,?\s+)?(?:how\s+far|how\s+many\s+(?:km|kms|kilomet(?:re|er)s|miles|hours)|"
    r"how\s+long\s+(?:does\s+it\s+take|will\s+it\s+take|is\s+the\s+(?:drive|trip)|to\s+drive)|"
    r"what'?s\s+the\s+(?:distance|drive)|whats\s+the\s+(?:distance|drive)|distance)\b",
    re.IGNORECASE,
)


# "…, call it Rockies Run", "… and name it Tassie Loop": the trip's own name, said at the end
_CALL_IT = re.compile(
    r"\s*[,;.-]?\s*(?:and\s+)?(?:call(?:ed)?(?:\s+it)?|name(?:d)?\s+it|title(?:d)?(?:\s+it)?|save\s+it\s+as)\s+"
    r"[\"“']?(?P<title>[^\"”,.!?]{2,60}?)[\"”']?\s*[.!?]*$",
    re.IGNORECASE,
)


# "make us a trip called 'North Island loop': Auckland, Rotorua, …": the name, in quotes, before the places
_CALLED = re.compile(
    r"\s+(?:called|named|titled)\s+[\"“'‘](?P<title>[^\"”'’]{2,60})[\"”'’]\s*[:,-]?\s*", re.IGNORECASE
)


_PLAN_IT = re.compile(r"\b(?:plan|map|plot)\s+(?:it|that|this|(?:a|the|our|that)\s+(?:trip|route|drive))\b", re.IGNORECASE)


def asked_to_plan(s: Sentence) -> Intent | None:
    """A route asked to be planned in so many words, before anything else reads the sentence ("I need to get from
    Christchurch to Dunedin next week. Plan it via Timaru and Oamaru" is a trip, not a reminder); else None."""
    if not _PLAN_IT.search(s.text):
        return None
    found = trip(s)
    return found if found and found.name == "plan_trip" and len(found.slots.get("places") or []) >= 2 else None


def trip(s: Sentence) -> Intent | None:
    """plan_trip (or route_distance) through the places said, with the trip's name when one is given; else None."""
    called = _CALLED.search(s.text)
    if called:
        found = _trip(Sentence(s.text[: called.start()] + ": " + s.text[called.end() :], s.today))
        if found and found.name == "plan_trip":
            return Intent("plan_trip", found.confidence, {**found.slots, "title": called["title"].strip()})
    named = _CALL_IT.search(s.text)
    if named and named.start() > 0:
        found = _trip(Sentence(s.text[: named.start()], s.today))
        if found and found.name == "plan_trip":
            return Intent("plan_trip", found.confidence, {**found.slots, "title": named["title"].strip()})
    return _trip(s)


def _trip(s: Sentence) -> Intent | None:
    if s.money and _SPENT_ON_THE_WAY.search(s.text):
        return None
    if (s.explicit_amount or (s.amount and s.category)) and not _PLANNING.search(s.text):
        return None  # "a burger on the way through to Longreach, it was $23.60": money spent, not a plan
    spans = [(d.start, d.end) for d in s.future_dates] + time_spans(s.text)
    masked = entities.blank(s.text, spans, " ")
    masked = _WANT_TO.sub(lambda m: " " * len(m.group(0)), masked)
    strong = list(TRIP_STRONG.finditer(masked))
    weak = list(_TRIP_WEAK.finditer(masked))
    typed = re.sub(r"\bI(?:'\w+)?\b", "", s.text)  # "I need a route melbourne to mildura" is typed in lower case
    mixed_case = typed != typed.lower() and typed != typed.upper()
    masked = place_names.ROUTE_MANNER.sub(lambda m: " " * len(m.group(0)), masked)  # a cue still, but no place
    if strong or weak:
        found = place_names.places(_route_segment(masked, strong + weak), mixed_case=mixed_case)
    elif _PLACE_TO_PLACE.match(s.text) and not s.money:
        found = place_names.places(masked, mixed_case=mixed_case)
        # no word of travel: typed in lower case, "x to y" is a route only when both are places ("sydney to
        # melbourne"), not "took the kids to the zoo"
        if len(found) < 2 or (not mixed_case and not all(gazetteer.geocode(place) for place in found)) or _DONE_ALREADY.match(s.text):
            return None
    else:
        return None
    if weak and not strong and not (len(found) >= 2 or re.search(r"\bfrom\b", s.low)):
        return None
    if (
        strong
        and not found
        and not re.search(
            r"^(?:plan|map|plot|work\s+out|create|make|build|organi[sz]e|set\s+up|start|new|add)\b",
            s.low,
        )
    ):
        return None
    if _HOW_FAR.match(s.text) and len(found) >= 2:
        return Intent("route_distance", 0.9, {"places": found})
    slots: dict[str, Any] = {}
    if len(found) >= 2:
        slots["places"] = found
    elif found:
        slots["destination"] = found[0]
    if s.future_dates and not re.search(
        r"\b(?:for|over)\s*$", s.text[: s.future_dates[0].start]
    ):
        slots["start_date"] = s.future_dates[0].date
    confidence = 0.9 if strong and found else 0.75 if found else 0.6
    return Intent("plan_trip", confidence, slots)


_TRIP_NOUN = r"(?:(?:the|my|our|this)\s+)?(?:trip|route|itinerary|plan|journey|drive)"
# "the esperance trip", "the tassie loop": a trip named by its words
_NAMED_TRIP = r"(?:the|my|our)\s+(?P<trip>[\w' -]{2,30}?)\s+(?:trip|route|itinerary|journey|drive|loop|lap|run)"
# "add Port Macquarie as a stop", "put Mildura in the trip too", "add a stop at Gundagai", "stop in Dubbo on the way"
_ADD_STOP = re.compile(
    r"^(?:add|include|put|throw|chuck|pop|stick|slot|squeeze|fit)\s+(?:in\s+)?(?:a\s+(?:stop|stopover|detour)\s+(?:at|in|to)\s+)?"
    r"(?P<place>[\w' .-]{2,40}?)(?:\s+(?:as\s+(?:a|another|an\s+extra)\s+(?:stop|stopover|waypoint|destination)|"
    r"(?:in|into|on|to)\s+" + _TRIP_NOUN + r"|(?:in|into|on|to)\s+(?:the\s+end\s+of\s+)?" + _NAMED_TRIP.replace("trip>", "trip4>")
    + r"|on\s+the\s+way|(?:in\s+)?between|in\s+the\s+middle))+"
    r"(?:\s+(?:too|as\s+well|please))?(?:\s*,?\s*(?:between|after|before)\s+[\w' -]+)?[\s.!?]*$|"
    r"^(?:add|include|put\s+in)\s+a\s+(?:stop|stopover|detour)\s+(?:at|in|to)\s+(?P<place2>[\w' .-]{2,40}?)"
    r"(?:\s+(?:on\s+the\s+way|too|as\s+well|please))*[\s.!?]*$|"
    r"^(?:let'?s\s+|we'?(?:ll|d)\s+(?:like\s+to\s+|want\s+to\s+)?|can\s+we\s+)?(?:also\s+)?stop\s+(?:at|in|by)\s+"
    r"(?P<place3>[\w' .-]{2,40}?)\s+(?:on\s+the\s+way|along\s+the\s+way|as\s+well|too)[\s.!?]*$|"
    # "actually go via armidale": the trip just planned, through another town
    r"^(?:(?:actually|and|ok(?:ay)?|oh)[\s,]+)*(?:let'?s\s+|can\s+we\s+|we'?ll\s+)?(?:go|head|drive|route\s+(?:it|us))\s+"
    r"(?:via|through|thru|by\s+way\s+of)\s+(?P<place4>[\w' .-]{2,40}?)(?:\s+(?:instead|too|as\s+well|please))*[\s.!?]*$",
    re.IGNORECASE,
)
_REMOVE_STOP = re.compile(
    r"^(?:(?:ok(?:ay)?|so|actually)[\s,]+)*(?:remove|drop|delete|take\s+out|take|skip|cut|scrap)\s+(?:the\s+stop\s+(?:at|in)\s+)?"
    r"(?P<place>[\w' .-]{2,40}?)(?:\s+(?:from|off|out\s+of)\s+(?:" + _TRIP_NOUN + r"|" + _NAMED_TRIP + r"|it)|\s+as\s+a\s+stop)+"
    r"(?:\s*,.*)?[\s.!]*$",
    re.IGNORECASE,
)


# "let's carry on to Kalbarri as well", "extend the trip to Exmouth", "and then on to Broome": a new last stop.
_GO_ON_TO = re.compile(
    r"^(?:(?:actually|and|ok(?:ay)?|so|then)[\s,]+)*(?:let'?s\s+|we'?(?:ll|d\s+like\s+to)\s+|can\s+we\s+)?(?:also\s+)?"
    r"(?:(?:(?:carry|push|press|head|go|drive)\s+on|keep\s+(?:going|driving|heading)|continue(?:\s+on)?)\s+"
    r"(?:up\s+|down\s+|over\s+)?to|"
    r"extend\s+(?:it|that|" + _TRIP_NOUN + r")\s+(?:on\s+)?to|(?:and\s+)?then\s+on\s+to)\s+"
    r"(?P<place>[\w' .-]{2,40}?)(?:\s+(?:as\s+well|too|after\s+that|afterwards|please))*[\s.!?]*$",
    re.IGNORECASE,
)


# "actually skip Mission Beach, just go straight up the highway": a named stop dropped.
_SKIP_PLACE = re.compile(
    r"^(?:(?:actually|no|nah|ok(?:ay)?|oh)[\s,]+)*(?:let'?s\s+)?(?:skip|drop|scrap|forget\s+about|leave\s+out|cut\s+out|bypass)\s+"
    r"(?-i:(?P<place>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}))(?=\s*(?:[,.;!]|$))",
    re.IGNORECASE,
)


def stop_change(s: Sentence) -> Intent | None:
    """A stop added to or dropped from the trip just planned (or the active one)."""
    onward = _GO_ON_TO.match(s.text)
    if onward and not re.search(r"\b(?:page|screen|tab|section)\b", onward["place"], re.IGNORECASE):
        place = tidy_place(onward["place"])
        return Intent("add_trip_stop", 0.9, {"place": place, "at_end": True}) if place else None
    added = _ADD_STOP.match(s.text)
    if added:
        place = tidy_place(added["place"] or added["place2"] or added["place3"] or added["place4"])
        named = added["trip4"]
        trip = {"trip": named.strip()} if named else {}  # "on the esperance trip"
        at_end = {"at_end": True} if re.search(r"\bthe\s+end\s+of\b", s.text, re.IGNORECASE) else {}
        return Intent("add_trip_stop", 0.9, {"place": place, **trip, **at_end}) if place else None
    removed = _REMOVE_STOP.match(s.text) or _SKIP_PLACE.match(s.text)
    if removed:
        place = tidy_place(removed["place"])
        named = removed.groupdict().get("trip")
        return Intent("remove_trip_stop", 0.9, {"place": place, **({"trip": named.strip()} if named else {})}) if place else None
    return None


def tidy_place(text: str) -> str | None:
    """A place as said, without "the town of"/"a stop at" and capitalised when typed in lower case; None for "it"."""
    text = re.sub(r"^(?:the\s+town\s+of\s+|a\s+stop\s+(?:at|in)\s+)", "", text.strip(" .,"), flags=re.IGNORECASE)
    if not text or text.lower() in ("it", "that", "this", "one", "a stop", "stop"):
        return None
    return entities.capitalise(text) if text == text.lower() else text
