"""Trips changed by naming them: "On the Snowy trip, add a stop at Goulburn between Sydney and Canberra", "add
Canmore between Calgary and Banff, and Lake Louise after Banff", "delete the Uluru trip"."""

from __future__ import annotations

import re

from wheels_wins.pam.local import routes
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.normalise import sentences
from wheels_wins.pam.local.sentence import Intent, Sentence
from wheels_wins.services import gazetteer

_TRIP_WORD = r"(?:trip|route|itinerary|journey|drive|loop|lap|run|getaway|holiday|weekend|escape|tour|adventure)"
# "On the Snowy trip, …", "for the banff getaway: …": the trip the rest of the message changes
_ON_THE_TRIP = re.compile(
    r"^(?:on|for|in|with)\s+(?:the|my|our)\s+(?P<trip>[\w' -]{2,30}?)\s+" + _TRIP_WORD + r"\s*[,:;-]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "… between Sydney and Canberra", "… after Banff", "… before Kendal": where among the stops it goes
_PLACEMENT = re.compile(
    r"\s*,?\s*\b(?:(?:in\s+)?between\s+(?P<after>[\w' .-]+?)\s+and\s+[\w' .-]+?|(?:just\s+|right\s+)?after\s+(?!all\b)(?P<after2>[\w' .-]+?)|"
    r"(?:just\s+|right\s+)?before\s+(?P<before>[\w' .-]+?))\s*[.!?]*$",
    re.IGNORECASE,
)
# "add Canmore", "add a stop at Goulburn": a stop added, once the trip or the place among its stops is said
_BARE_ADD = re.compile(
    r"^(?:(?:also|and|then)\s+)?(?P<verb>(?:add|include|put|throw|squeeze|slot|stick|pop|chuck|tack)(?:\s+in)?\s+)?"
    r"(?:a\s+(?:stop|stopover)\s+(?:at|in)\s+)?(?P<place>[A-Za-z][\w' .-]{1,40}?)(?:\s+in)?(?:\s+(?:as\s+well|too))?[\s.!?]*$",
    re.IGNORECASE,
)
# "Add Hahndorf to the Adelaide Hills weekend", "Tack Launceston onto the end of the Tassie east coast trip, we'll finish
# there": a stop put on a trip named by its words
_ADD_TO_NAMED = re.compile(
    r"^(?:(?:can\s+you|could\s+you|please|pls)\s+)?(?:add|put|stick|pop|chuck|slot|squeeze|throw|tack|include)\s+"
    r"(?P<place>[A-Za-z][\w' .-]{1,40}?)\s+(?:in|into|on|onto|to)\s+(?P<end>the\s+end\s+of\s+)?(?:the|my|our)\s+"
    r"(?P<trip>[\w' -]{2,40}?)(?P<noun>\s+" + _TRIP_WORD + r")?(?P<rest>\s*[,;-].*)?[\s.!?]*$",
    re.IGNORECASE,
)
# "can we do Taupo before Rotorua?", "put Kendal after Keswick", "swap Taupo and Rotorua": stops put in another order
_REORDER = re.compile(
    r"^(?:(?:can|could)\s+we\s+|let'?s\s+|i'?d\s+like\s+to\s+|we'?d\s+rather\s+)?(?:(?:do|visit|see|go\s+to|hit|put|move)\s+"
    r"(?P<place>[A-Z][\w' .-]{1,30}?)\s+(?P<way>before|after)\s+(?P<other>[A-Z][\w' .-]{1,30}?)|swap\s+(?:round\s+|around\s+)?"
    r"(?P<a>[A-Z][\w' .-]{1,30}?)\s+(?:and|with)\s+(?P<b>[A-Z][\w' .-]{1,30}?)(?:\s+(?:round|around))?)\s*(?:[?.!,].*)?$",
)
_TAKE_OUT = re.compile(
    r"^(?:(?:can\s+we|let'?s|we'?ll)\s+)?(?:take\s+out|remove|drop|skip|cut(?:\s+out)?|delete|leave\s+out)\s+"
    r"(?P<place>[A-Za-z][\w' .-]{1,40}?)[\s.!?]*$",
    re.IGNORECASE,
)
_AT_END = re.compile(r"\bas\s+(?:the|our)\s+(?:final|last)\s+(?:stop|destination)\b|\b(?:at|on)\s+the\s+end\b", re.IGNORECASE)
_FINAL_STOP = re.compile(r"\s+as\s+(?:the|our)\s+(?:final|last)\s+(?:stop|destination)\b", re.IGNORECASE)
# "delete the Uluru trip, we're not doing it this year", "scrap our tassie loop"
_DELETE_TRIP = re.compile(
    r"^(?:(?:ok(?:ay)?|so|actually|please|pls|can\s+you|could\s+you|just)[\s,]+)*(?:delete|remove|scrap|cancel|bin|ditch|"
    r"drop|get\s+rid\s+of|trash|kill)\s+(?:the|my|our|that)\s+(?P<trip>[\w' -]{2,30}?)\s+" + _TRIP_WORD
    + r"(?:\s+(?:plan|idea))?(?:\s+(?:altogether|completely|entirely|for\s+good))?\s*(?:[,.;!-].*)?$",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+|then\s+|also\s+)?|;\s*|\s+and\s+then\s+|\s+and\s+also\s+)\s*", re.IGNORECASE)


def trip_change(s: Sentence) -> Intent | None:
    """delete_trip, or add_trip_stop / remove_trip_stop with where and on which trip (an add with `more` stops after
    the first: "add Canmore between Calgary and Banff, and Lake Louise after Banff"), or None."""
    gone = _DELETE_TRIP.match(s.text)
    if gone:
        return Intent("delete_trip", 0.9, {"trip": gone["trip"].strip()})
    on = _ON_THE_TRIP.match(s.text)
    trip = on["trip"].strip() if on else None
    text = on["rest"] if on else s.text
    order = _REORDER.match(text)
    if order and trip:  # only on a trip named: "let's visit Mum before Christmas" is no reordering
        moved = {"place": order["place"], order["way"].lower(): order["other"]} if order["place"] else \
            {"place": order["a"], "swap_with": order["b"]}
        return Intent("move_trip_stop", 0.9, {**moved, **({"trip": trip} if trip else {})})
    named = _ADD_TO_NAMED.match(text)
    if named and named["noun"] and not routes.stop_change(Sentence(text, s.today)):  # not "add Bingo to the calendar"
        placed = _PLACEMENT.search(named["rest"] or "")
        where = {"at_end": True} if named["end"] else {}
        if placed:
            where = {"after": placed["after"] or placed["after2"]} if placed["after"] or placed["after2"] else {"before": placed["before"]}
        place = routes.tidy_place(named["place"])
        if place:
            return Intent("add_trip_stop", 0.9, {"place": place, "trip": named["trip"].strip(), **where})
    first = sentences(text)[0]
    if first != text:  # "Add X to the trip. Marg wants her German sausage fix.": the request, then a remark
        found = trip_change(Sentence(first if not on else f"{s.text[: on.start('rest')]}{first}", s.today))
        if found:
            return found
    parts = _PARTS.split(text) if trip or _PLACEMENT.search(text) else []
    if len(parts) > 1:
        changes = [_one_change(part, trip, s, bare=i > 0) for i, part in enumerate(p for p in parts if p)]
        if all(c is not None and c.name == "add_trip_stop" for c in changes):
            first, *more = [c for c in changes if c is not None]
            return Intent(first.name, first.confidence, {**first.slots, "more": [c.slots for c in more]})
    return _one_change(text, trip, s)


def _one_change(text: str, trip: str | None, s: Sentence, *, bare: bool = False) -> Intent | None:
    """One stop added or dropped, with where it goes and on which trip."""
    placed = _PLACEMENT.search(text)
    if placed and find_dates(placed.group(0), s.today):  # "the day after tomorrow instead": a day, not a place on a route
        return None
    head = text[: placed.start()] if placed else text
    slots: dict[str, object] = {}
    if placed and (placed["after"] or placed["after2"]):
        slots["after"] = (placed["after"] or placed["after2"]).strip()
    elif placed:
        slots["before"] = placed["before"].strip()
    if _AT_END.search(head):
        slots["at_end"] = True
        head = _FINAL_STOP.sub(" as a stop", head)
    found = routes.stop_change(Sentence(head, s.today))
    gone = _TAKE_OUT.match(head) if trip and found is None else None
    if gone:  # "On the Snowy trip, take out Cooma"
        found = Intent("remove_trip_stop", 0.9, {"place": routes.tidy_place(gone["place"])})
    elif found is None and (trip or placed):
        added = _BARE_ADD.match(head)
        place = routes.tidy_place(added["place"]) if added and (added["verb"] or bare) else None
        # "add Canmore between Calgary and Banff": a capitalised place, beside stops named so; not "add bacon after the eggs"
        target = (placed["after"] or placed["after2"] or placed["before"] or "") if placed else ""
        known = trip or (place and place[:1].isupper() and target[:1].isupper() and gazetteer.geocode(place) is not None)
        if place and known:
            found = Intent("add_trip_stop", 0.9, {"place": place})
    if found is None:
        return None
    if trip and not found.slots.get("trip"):
        slots["trip"] = trip
    return Intent(found.name, found.confidence, {**found.slots, **slots})
