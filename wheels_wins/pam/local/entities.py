"""Slot extractors over plain text: merchants, descriptions, titles, post text, towns and pages (place lists:
`place_names`; work done on the vehicle: `vehicle_tasks`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from wheels_wins.pam.local.brands import BRANDS, brand_named
from wheels_wins.pam.local.normalise import sentences, word_set
from wheels_wins.services import gazetteer
from wheels_wins.services.categories import CATEGORIES

Span = tuple[int, int]

PLACE_NOUNS = word_set(
    "bakery pub cafe café servo supermarket mechanic mechanics chemist pharmacy market markets "
    "butcher bottle-o bottleo newsagent newsagency hardware club rsl takeaway restaurant shops "
    "shop laundromat servo tavern hotel bistro roadhouse garage campground campsite caravan-park "
    "holiday-park vet dentist doctor doctors hospital post-office tip dump-point marina "
    "fish-and-chip-shop bowls-club golf-club"
)
_NOT_MERCHANT = word_set(
    "night home least most all once last first end start moment time beginning weekend morning "
    "afternoon evening lunchtime noon midday midnight dawn dusk sunset sunrise i the a an my our aud usd nzd eur gbp cad"
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


def title_if_lower(text: str) -> str:
    """A name typed all in lower case in title case ("wagga wagga" -> "Wagga Wagga"); any capitals are kept as typed."""
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
            return brand_named(first) or capitalise(first)
        joined = "-".join(w.lower() for w in words[:2])
        if joined in PLACE_NOUNS or joined in BRANDS:
            return " ".join(w.capitalize() for w in words[:2])
    shop_front = _SHOP_FRONT.match(masked)  # "Boots pharmacy, hay fever tablets …": a shop named by what it is
    return brand_named(masked) or (capitalise(shop_front.group(0).strip()) if shop_front else None)


_SHOP_FRONT = re.compile(
    r"^\s*(?-i:(?P<name>[A-Z][\w'&]+(?:\s+[A-Z][\w'&]+)?))\s+(?:pharmacy|chemist|supermarket|bakery|butcher|hardware|"
    r"garage|pub|cafe|café|restaurant)\b",
    re.IGNORECASE,
)


_DROP_LEAD = word_set(
    "at i i've ive i'd i'll we we've just have had has spent spend paid pay paying bought buy "
    "purchased got get add added log logged record recorded put enter note track save an a expense "
    "expenses of for on the my our some was what that this it it's its is another new-expense cost "
    "costs chuck stick jot made earned earnt received receive income been were in down pop and also plus forked shelled "
    "out went straight then to"
)
_DROP_TAIL = word_set(
    "today cost costs costing me us for on of at expense expenses was it in total please and the "
    "to which that just dollars bucks my a an with from is are were came instead rather yay woohoo lol haha hooray yippee "
    "spent paid"
)
_KEEP_LEAD_INCOME = frozenset({"sold", "selling", "doing", "working"})


def _trim(words: list[str], lead: frozenset[str], tail: frozenset[str]) -> list[str]:
    while words and words[0].lower().strip(",.;:!?") in lead:
        words = words[1:]
    while words and words[-1].lower().strip(",.;:!?") in tail:
        words = words[:-1]
    return words


# " - dining", " - income": what a request at the end asked it to be filed as (see normalise), not what it was.
_REQUESTED_AS = re.compile(
    r"\s+-\s+(?:expense|income|maintenance\s+log|" + "|".join(CATEGORIES) + r")$", re.IGNORECASE
)


def without_requested_kind(text: str) -> str:
    """The text without a request at the end for what to file it as (" - income")."""
    return _REQUESTED_AS.sub("", text)


_ASKED_AFTER = re.compile(
    r"(?<=\w)[.!]\s+(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:log|add|record|pop|put|note)\b[^.!?]*[.!?]?\s*$",
    re.IGNORECASE,
)


# What is left of "came to $412" and ", which my husband paid yesterday" once the amount and date are cut
_COST_VERB_LEFT = re.compile(r"\s+(?:came\s+to|comes\s+to|cost(?:\s+(?:us|me))?|set\s+(?:us|me)\s+back|totall?ed)\s*(?=[,.;]|$)",
                             re.IGNORECASE)
_WHO_PAID = re.compile(r"\s*,?\s*which\s+(?:my\s+\w+|our\s+\w+|\w+)\s+(?:paid|bought|spent)\b[^,.;]*",
                       re.IGNORECASE)


def description(text: str, spans: Iterable[Span] = ()) -> str:
    """A short description: the sentence without amounts, dates, filler verbs and trailing glue words."""
    cleaned = _REQUESTED_AS.sub("", re.sub(r"[\"“”]", "", cut(text, spans)))
    cleaned = _ASKED_AFTER.sub("", cleaned)  # "… had lunch there. Log for it, please": the request is no description
    cleaned = _WHO_PAID.sub("", _COST_VERB_LEFT.sub("", cleaned))  # "the rego came to $412, which my husband paid"
    cleaned = re.sub(r"\s*[,;:!?]+\s*", " ", cleaned).strip(" .-")
    words = _trim(cleaned.split(), _DROP_LEAD, _DROP_TAIL)
    return capitalise(" ".join(words).strip(" .-,"))


def income_source(text: str, spans: Iterable[Span] = ()) -> str:
    """Where income came from ("selling at the market", "house-sitting"), from the sentence minus amount and date."""
    cleaned = re.sub(r"\s*[,;:!?]+\s*", " ", _REQUESTED_AS.sub("", cut(text, spans))).strip(" .-")
    words = cleaned.split()
    lead = _DROP_LEAD | {"from", "for", "by", "doing", "to", "me", "us", "did", "some"} - _KEEP_LEAD_INCOME
    words = _trim(words, frozenset(lead), _DROP_TAIL | {"so", "then"})
    return " ".join(words).strip(" .-,")


_CALENDAR_CUE = re.compile(
    r"^(?:remind\s+(?:me|us)(?:\s+(?:to|about|that|of|re)\b)?|remember\s+(?:me|us)(?:\s+to)?\b|"
    r"set\s+(?:up\s+)?(?:a\s+|me\s+a\s+)?reminder\s*(?:to|for|about|that)?|"
    r"(?:create|add|make|put\s+in|chuck|pop|stick|whack|throw|put)\s+(?:a\s+|in\s+a\s+)?reminder(?:\s+in)?\s*(?:to|for|about|that)?|"
    r"(?:(?:i|we)\s+)?(?:definitely\s+|really\s+|will\s+)?need\s+a\s+reminder\s*(?:to|for|about)?|"
    r"reminder\s*[:\-]?\s*(?:to|for|about)?|"
    r"(?:don'?t|do\s+not)\s+let\s+me\s+forget\s*(?:to|about)?|(?:don'?t|do\s+not)\s+forget\s*(?:to|about)?|"
    r"(?:add|put|pop|stick|chuck|schedule|book(?:\s+in)?|create|make|set\s+up|pencil\s+in|note\s+down|note(?:\s+that)?|enter|save|"
    r"block\s+out)\b|"
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


# A remark after the event, in a clause of its own: ", they won't stop talking about it", ", we'd hate to miss it"
_ASIDE = re.compile(r",\s+(?:they|we|he|she|it|i)(?:'(?:re|ll|d|s|ve|m)|\s+(?:won'?t|can'?t|don'?t|are|were|will|would|love|loved|"
                    r"hate|really|just|always|never))\b.*$", re.IGNORECASE)
# ", add it to the calendar", ", can you put that in please": the request, after the event itself.
_ADD_IT_TAIL = re.compile(
    r"[\s,;.\-–—]+(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:add|put|stick|pop|chuck|pencil|note|save|"
    r"write|jot|book)\s+(?:it|that|this|them)(?:\s+(?:in|down|up))?(?:\s+please)?[\s.!?]*$",
    re.IGNORECASE,
)


def calendar_title(text: str, spans: Iterable[Span] = ()) -> str:
    """The event's title: "Remind me to renew the rego on 15 March" → "Renew the rego"; a title in quotes is the
    title ("Put 'Skin check' in the calendar for … It's for Col, …" → "Skin check")."""
    quoted = re.match(r"^\s*(?:\w+\s+){0,3}?[\"“'‘](?P<title>[^\"”'’]{2,80})[\"”'’](?=\s|[,.;:!?]|$)", text)
    if quoted:
        return capitalise(quoted["title"].strip())
    first, *rest = sentences(cut(text, spans))  # "… to the calendar. We wouldn't miss it."
    cleaned = _ADD_IT_TAIL.sub("", _CALENDAR_SUFFIX.sub("", first if rest and first.strip() else cut(text, spans)))
    cleaned = _ASIDE.sub("", cleaned)  # "Add the croc cruise on Saturday, they won't stop talking about it"
    cleaned = re.sub(r"[\s,]+(?:start|starts|kick-?off)\s*$", "", cleaned, flags=re.IGNORECASE)  # "…, 6:30a start"
    cleaned = re.sub(r"\s+([,.;:!?])", r"\1", cleaned)
    popped_in = re.match(r"(?:pop|put|stick|chuck|slot)\b", cleaned, re.IGNORECASE)  # "pop the vet in for Friday"
    cleaned = _CALENDAR_CUE.sub("", cleaned, count=1).strip(" ,.;:!?-")
    cleaned = re.sub(
        r"^(?:to|about|that|for|of|re)\s+", "", cleaned, flags=re.IGNORECASE
    )
    cleaned = re.sub(r"^(?:is|are|was|it'?s|there'?s)\s+", "", cleaned, flags=re.IGNORECASE)  # "on 20/1 is the gas check"
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
    cleaned = re.sub(r",?\s+(?:would|could|can|will)\s+you(?:\s+please)?$", "", cleaned, flags=re.IGNORECASE)  # ", would you?"
    if popped_in:
        cleaned = re.sub(r"\s+in$", "", cleaned.strip(" ,.;:!?-"), flags=re.IGNORECASE)
    return capitalise(cleaned.strip(" ,.;:!?-"))


_POST_LEAD = re.compile(
    r"^(?:(?:post|share|publish|announce|broadcast|tweet)(?:\s+(?:this|that|a\s+(?:message|post|note|question|update)|"
    r"an\s+update|something|it))?(?:\s+(?:to|on|in|with)\s+(?:the\s+|my\s+|all\s+)?(?:community|feed|forum|group|wall|"
    r"everyone|everybody|socials?|timeline|page|other\s+\w+|folks|members)(?:\s+(?:page|feed|board))?)?|"
    r"(?:tell|ask|let)\s+(?:the\s+)?(?:community|everyone|everybody|folks|people|others|other\s+\w+|group|followers|"
    r"members|nomads|travellers|crew|gang)(?:\s+know)?|"
    r"(?:write|say|tell)\s+(?:to|on|in)\s+(?:the\s+)?(?:community|feed|forum|group)|"
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


_IN_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?P<name>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*)"
)


_IN_LOWER_PLACE = re.compile(r"\b(?:in|at|near)\s+(?P<name>[a-z][a-z'\-]+(?:\s+[a-z][a-z'\-]+)?)(?P<after>\s+[a-z]+)?")
# After a one-word town only these may follow ("in taupo for 141", "in orange yesterday"); "in bright sunshine" is weather.
_AFTER_A_TOWN = word_set("for on at and with today yesterday tonight this last then so but the a to from of by "
                         "filled paid spent")
_NOT_A_TOWN = word_set("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday")
# A place typed in lower case is taken only where it can hardly be an ordinary word: a town of these countries
# named exactly (not by an alternate name), and a big one outside Australia and New Zealand ("in taupo" is a place,
# "in time" and "at home" are not).
_LOWER_PLACE_MIN_POPULATION = {"AU": 1_000, "NZ": 1_000, "GB": 20_000, "IE": 20_000, "US": 20_000, "CA": 20_000}


def town(text: str, spans: Iterable[Span] = ()) -> str | None:
    """A place after "in"/"at"/"near": capitalised ("in Dubbo"), or a known town typed in lower case ("in taupo");
    else None."""
    masked = blank(text, spans)
    for m in _IN_PLACE.finditer(masked):
        name = m["name"]
        if name.lower().split()[0] not in _NOT_MERCHANT and name.lower() not in BRANDS:
            return name
    for m in _IN_LOWER_PLACE.finditer(masked):
        words = m["name"].split()
        if words[0] in _NOT_MERCHANT or words[0] in _NOT_A_TOWN:
            continue
        whole, after = " ".join(words), (m["after"] or "").strip()
        if whole not in BRANDS and known_town(whole) and (not after or after in _AFTER_A_TOWN):
            return title_if_lower(whole)
        if len(words) > 1 and words[1] in _AFTER_A_TOWN and words[0] not in BRANDS and known_town(words[0]):
            return title_if_lower(words[0])
    return None


def known_town(name: str) -> bool:
    """Whether a name typed in lower case is surely a town ("taupo"), not an everyday word that is also one ("over")."""
    place = gazetteer.geocode(name)
    least = _LOWER_PLACE_MIN_POPULATION.get(place.country_code) if place else None
    return bool(place and least and place.population >= least
                and gazetteer.normalise(place.name) == gazetteer.normalise(name))


PAGES: dict[str, str] = {}
for _path, _words in {
    "/": "home homepage home-page main main-page start dashboard overview main-screen start-page calendar reminders "
    "schedule diary agenda",
    "/wins": "wins budget budgets money finances finance expenses expense spending income wallet budget-page money-page "
    "budget-planner expense-tracker savings bank",
    "/wheels": "wheels trip-planner trips trip planner route-planner routes route map maps journey-planner vehicle "
    "vehicles fuel-log fuel-logs maintenance travel trip-page rig van car my-van fuel service-history maintenance-log "
    "service-log maintenance-history logbook motorhome campervan camper caravan rv",
    "/social": "social community feed forum posts groups community-page news-feed noticeboard friends community-feed "
    "social-feed message-board posting nomads travellers travelers rvers caravanners",
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
            "for",
            "records",
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
