"""Work done on the vehicle, named from what was said ("got the brakes done", "the anode got replaced"), and
fuel grades."""

from __future__ import annotations

import re

from wheels_wins.pam.local.entities import capitalise
from wheels_wins.pam.local.normalise import word_set

_SERVICE_STATION = re.compile(
    r"\bservice\s+station\b|\bcustomer\s+service\b|\baire\s+de\s+service\b|\bservice\s+(?:area|point|centre\s+cafe)\b|"
    r"\bmotorway\s+services\b|\bbus\s+service\b|\bphone\s+service\b|"
    # a gathering: "the Anzac Day dawn service", "the carols service at the church"
    r"\b(?:dawn|church|memorial|funeral|remembrance|carols?|prayer|communion|thanksgiving|christening|sunday|"
    r"anzac(?:\s+day)?)\s+service\b|"
    # a shop's name: "fitted at Canadian Tire" is not work on the tires
    r"\b(?:canadian\s+tire|discount\s+tire|tire\s+kingdom|big\s+o\s+tires|bob\s+jane(?:\s+t-?marts)?|kwik\s+fit|"
    r"tyrepower|tyreplus|beaurepaires|les\s+schwab(?:\s+tire\s+centers?)?|jiffy\s+lube|midas|pep\s+boys)\b|"
    # a body's name: "the Royal Flying Doctor Service" (but "the Logbook Service" is work on the van)
    r"(?-i:the\s+(?!(?:Logbook|Major|Minor|Full|Annual|Regular|Engine|Van|Car|Caravan)\b)(?:[A-Z][\w']+\s+)+Service)\b",
    re.IGNORECASE,
)
_TASKS: list[tuple[re.Pattern[str], str | None]] = [
    # before the oil change: "diff oil changed" is the diff's oil, not the engine's
    (re.compile(r"\b(?:diff(?:erential)?|gearbox|transmission)\s+oil\b", re.IGNORECASE), None),
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
            r"\b(?:flat\s+t[yi]re|t[yi]re\s+puncture|puncture|t[yi]re)\s+(?:was\s+|got\s+)?(?:repair(?:ed)?|fixed|patched|plugged)\b|"
            r"\b(?:fixed|repaired|patched|plugged)\s+(?:the\s+|a\s+|our\s+|my\s+)?(?:flat|t[yi]re|puncture)\b|"
            r"\b(?:puncture|t[yi]re)\s+(?:repair|patch|plug)\b|\bt[yi]re\s+(?:\w+\s+)?(?:plugged|patched)\b",
            re.IGNORECASE,
        ),
        "Tyre repair",
    ),
    (
        re.compile(
            r"\bnew\s+t[yi]res\b|\bt[yi]res?\s+(?:were\s+)?(?:replaced|fitted|changed)|"
            r"\b(?:replaced|fitted|changed)\s+(?:\w+\s+){0,3}?t[yi]res?\b",
            re.IGNORECASE,
        ),
        "New tyres",
    ),
    (
        re.compile(r"\bbrake\s+(?:pads?|discs?|rotors?|fluid)|\bbrakes?\b", re.IGNORECASE),
        None,
    ),
    (re.compile(r"\b(?:new\s+)?batter(?:y|ies)\b", re.IGNORECASE), "Battery"),
    (re.compile(r"\b(?:air|fuel|cabin|oil|diesel)\s+filters?\b", re.IGNORECASE), None),
    (re.compile(r"\b(?:timing|fan|cam|serpentine)\s+belt\b|\bcambelt\b|\btiming\s+chain\b", re.IGNORECASE), None),
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
            r"\b(?:wheel\s+)?bearings?\s+(?:re-?pack(?:ed|ing)?|service[ds]?|servicing)\b|"
            r"\bre-?pack(?:ed|ing)?\s+(?:the\s+|my\s+|our\s+)?(?:wheel\s+)?bearings?\b",
            re.IGNORECASE,
        ),
        "Wheel bearing repack",
    ),
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
    (  # "propane system leak-checked": as said
        re.compile(
            r"\b(?:propane|lpg)\s+(?:system\s+|bottles?\s+|lines?\s+)?(?:leak[-\s]?)?(?:check(?:ed)?|test(?:ed)?|inspect(?:ion|ed)?)|"
            r"\bgas\s+(?:system\s+|lines?\s+)?leak[-\s]?(?:check(?:ed)?|test(?:ed)?)",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(r"\bgas\s+(?:check|certificate|compliance|inspection)", re.IGNORECASE),
        "Gas compliance check",
    ),
    (re.compile(r"\bhabitation\s+(?:check|service|inspection)|\bhab\s+check|\bdamp\s+(?:check|test)", re.IGNORECASE),
     "Habitation check"),
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
        "Habitation check",
        "Wheel bearing repack",
    }
)


# "the three-way fridge was serviced", "serviced the generator": the part serviced names the task.
_RV_PART = (
    r"(?:three-way\s+|3-way\s+|compressor\s+)?fridge|generator|genny|air\s?con(?:ditioner)?|a/c|hot\s+water\s+(?:system|unit)|"
    r"toilet|awning|heater|furnace|water\s+pump|solar(?:\s+(?:system|panels?))?|inverter|gas\s+system|brakes|anode|hinges?|"
    r"fridge\s+flue|flue|roof\s+hatch|roof|seals?|hatch"
)
_PART_SERVICED = re.compile(
    rf"\b(?P<part>{_RV_PART})\s+(?:was\s+|got\s+|been\s+|had\s+been\s+)?serviced\b|"
    rf"\bservic(?:ed|ing)\s+(?:the\s+|our\s+|my\s+)?(?P<part2>{_RV_PART})\b|"
    rf"\b(?P<part3>{_RV_PART})\s+service\b",  # "a generator service"
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
        return f"{capitalise((part['part'] or part['part2'] or part['part3']).lower())} service"
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
        if re.search(r"\btire", text, re.IGNORECASE) and not re.search(r"\btyre", text, re.IGNORECASE):
            task = task.replace("Tyre", "Tire").replace("tyre", "tire")
        return task
    return None


_VEHICLE_CONTEXT = re.compile(
    r"\b(?:mechanic|mechanics|garage|van|car|ute|truck|caravan|camper|motorhome|rig|4wd|4x4|engine|vehicle|trailer|"
    r"alternator|radiator|starter(?:\s+motor)?|clutch|muffler|injectors?|turbo|diff|axle|springs?|hitch|"
    r"jockey\s+wheel|headlights?|tail\s*lights?|aircon|air\s+con|cv\s+joints?|tie\s+rods?|bushes|glow\s+plugs?|"
    r"hoses?|thermostat|fuel\s+pump|ac\s+compressor|compressor|bearings?|wheel\s+nuts?|puncture|windscreen|"
    r"windshield|shock\s+absorbers?|shockies|suspension|" + _RV_PART + r")\b|\d\s?km\b",
    re.IGNORECASE,
)
_REPAIR_VERBS = (
    r"replaced|changed|fixed|repaired|fitted|installed|serviced|rebuilt|regassed|re-?gassed|welded|adjusted|flushed|checked|"
    r"cleaned|re-?sealed|sealed|patched|tightened|lubricated|inspected|re-?torqued|torqued|balanced|aligned"
)
_HAD_DONE = re.compile(
    r"\b(?:had|got)\s+(?:the|a|an|my|our|its|new)?\s*(?P<obj>[a-z][\w\s-]{2,40}?)\s+(?P<verb>" + _REPAIR_VERBS + r")\b",
    re.IGNORECASE,
)
_DID = re.compile(
    r"\b(?P<verb>"
    + _REPAIR_VERBS
    + r")\s+(?:the|a|an|my|our|its|new)\s+(?P<obj>[a-z][\w-]*(?:\s+(?!for\b|at\b|on\b|today\b|"
    r"yesterday\b|cost\b|and\b|with\b|in\b|of\b|from\b|so\b)[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
# "the anode in the hot water system got replaced": the work said in the passive.
_WAS_DONE = re.compile(
    r"\b(?:the|a|an|my|our|its)\s+(?P<obj>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?)\s+"
    r"(?:got|was|were|has\s+been|have\s+been|been)\s+(?P<verb>" + _REPAIR_VERBS + r")\b",
    re.IGNORECASE,
)
_PAST = {
    "change": "changed",
    "replace": "replaced",
    "fix": "fixed",
    "repair": "repaired",
    "fit": "fitted",
    "install": "installed",
}
_AM_DO = re.compile(
    r"\b(?:am|is|are|was|were)\s+(?P<verb>" + "|".join(_PAST) + r")\s+(?:the|a|an|my|our|its|new)\s+"
    r"(?P<obj>[a-z][\w-]*(?:\s+(?!for\b|at\b|on\b|today\b|yesterday\b|and\b|with\b)[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
_NOT_VEHICLE_OBJECT = word_set("hair nails teeth eyes mind plans booking phone clothes dog cat")


# "awning repaired", "hot water system got fixed": a part of the van, so no other vehicle word is needed.
_RV_PART_DONE = re.compile(
    rf"\b(?P<obj>{_RV_PART}|(?:entry\s+|screen\s+)?door|step|window|roof\s+hatch|hatch|jack|stabilisers?|"
    r"water\s+tank|grey\s+tank|black\s+tank|hitch)\s+(?:was\s+|got\s+|been\s+)?(?P<verb>"
    + _REPAIR_VERBS + r")\b",
    re.IGNORECASE,
)


# "the trailer bearing repair", "puncture repair", "windscreen replacement": the work named as a noun (after an
# owner's "the ute's", which names no part)
_NOT_PART = r"(?!(?:the|a|an|my|our|its|log|add|record|for|and|of|new|quick)\b)[a-z][\w-]*"
_REPAIR_NOUN = re.compile(
    rf"\b(?P<obj>(?:{_NOT_PART}\s+){{0,2}}{_NOT_PART})\s+(?P<noun>repair|replacement|rebuild|regas)\b(?!')",
    re.IGNORECASE,
)
# Things mended that are not the vehicle: "house roof repair", "bike puncture repair", "phone screen repair"
_NOT_VEHICLE_WORK = word_set("house home shed phone laptop computer watch bike bikes bicycle shoe shoes boot boots zip "
                             "tent tv glasses jewellery")


def not_vehicle_work(text: str) -> bool:
    """Whether the work named is on something other than the vehicle ("bike puncture repair", "house roof repair")."""
    named = _REPAIR_NOUN.search(text)
    return bool(named and _NOT_VEHICLE_WORK.intersection(named["obj"].lower().split()))


def repair_named(text: str) -> str | None:
    """Work on the vehicle named as a noun, in the user's words ("trailer bearing repair", "puncture repair"), or None."""
    named = _REPAIR_NOUN.search(re.sub(r"\b\w+['’]s\b", " ", text)) if _VEHICLE_CONTEXT.search(text) else None
    words = named["obj"].lower().split() if named else []
    if named is None or words[0] in _NOT_VEHICLE_OBJECT or _NOT_VEHICLE_WORK.intersection(words):
        return None
    return capitalise(f"{named['obj'].lower()} {named['noun'].lower()}")


def repair_task(text: str) -> str | None:
    """A repair not in the task list, in vehicle context: "mechanic replaced the alternator" → "Alternator replaced"."""
    part = _RV_PART_DONE.search(text)
    if part:
        return capitalise(f"{part['obj'].lower()} {part['verb'].lower()}")
    if not _VEHICLE_CONTEXT.search(text):
        return None
    named = repair_named(text)
    if named:
        return named
    m = _HAD_DONE.search(text) or _DID.search(text) or _WAS_DONE.search(text) or _AM_DO.search(text)
    if not m:
        return None
    verb = m["verb"].lower()
    verb = _PAST.get(verb, verb)  # "yesterday I am replace the tyres": "Tyres replaced"
    obj = re.sub(r"^(?:the|a|an|my|our|its)\s+", "", m["obj"].strip(), flags=re.IGNORECASE)
    if not obj or obj.split()[0].lower() in _NOT_VEHICLE_OBJECT:
        return None
    return capitalise(f"{obj} {verb}")


def is_action_task(task: str | None) -> bool:
    """Whether the task is work done (an oil change, a leak check) rather than a part bought (brake pads)."""
    return bool(task) and (
        task in ACTION_TASKS
        or task.lower().endswith(("service", "check", "checked", "inspection", "inspected", "tested", "repair",
                                  "replacement", "rebuild", "regas"))
    )


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
