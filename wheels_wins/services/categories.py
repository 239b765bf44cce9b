"""The canonical expense categories and the one synonym table onto them.

Free text is read as lowercase words (apostrophes dropped, other punctuation a space), so
"Macca's" is "maccas" and "bottle-o" is "bottle o". Each phrase also matches with its last
word in the plural ("tyres", "campsites", "batteries"). At one position the longest phrase
wins ("service station" over "service", "gas bottle" over "gas"). Across a sentence, what was paid for
wins over where it was paid: "gas bottle swap at the servo" is utilities, "$80 at the servo"
is fuel.

Deliberate choices where the canonical list has no exact home: LPG, gas bottles and gas
bills (cooking, heating, the fridge) are utilities, while "gas" on its own is vehicle fuel;
pay-per-use amenities (laundromat, showers, water, dump points) are utilities; anywhere you
sleep, national park fees included, is camping; roadside assistance (NRMA, RACV...) and
CTP/green slips are insurance; bottle shops are groceries; the vet is health.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from difflib import SequenceMatcher

CATEGORIES: tuple[str, ...] = (
    "fuel",
    "groceries",
    "dining",
    "camping",
    "maintenance",
    "insurance",
    "registration",
    "utilities",
    "transport",
    "entertainment",
    "health",
    "shopping",
    "other",
)

CATEGORY_LABELS: dict[str, str] = {c: c.capitalize() for c in CATEGORIES}

# fmt: off
_GAS_APPLIANCES = ("fridge", "heater", "stove", "cooker", "oven", "bbq", "barbecue", "hot water")

# What was paid for. In a sentence these win over the places below.
_ITEMS: dict[str, tuple[str, ...]] = {
    "fuel": (
        "fuel", "petrol", "diesel", "unleaded", "ulp", "premium unleaded", "premium diesel", "e10",
        "gas", "gasoline", "autogas", "adblue", "refuel", "refuelled", "refueled", "refuelling",
        "refueling", "bowser", "fuel stop",
    ),
    "groceries": (
        "groceries", "grocery", "food shop", "food shopping", "grocery shopping", "big shop",
        "weekly shop", "snack", "milk", "bread",
        "fruit and veg", "fruit n veg", "vegies", "veggies", "vegetables", "meat", "bag of ice",
        "bottle of water", "bottled water", "muesli bar", "chocolate bar",
    ),
    "dining": (
        "pub feed", "feed",
        "flat white", "latte", "cappuccino", "long black", "short black", "espresso", "mocha", "chai latte",
        "babyccino", "macchiato",
        "dining", "dine", "dined", "eating out", "eat out", "ate out", "eat outside", "eating outside", "coffee", "takeaway",
        "take away", "takeout", "lunch", "dinner", "breakfast", "brekkie", "brekky", "brunch",
        "pie", "meal", "counter meal", "pub meal", "pizza", "fish and chips", "fish n chips",
        "burger", "kebab", "parmi", "parma", "schnitty", "schnitzel", "sausage sizzle",
        "ice cream", "gelato", "drink", "drinks", "fast food",
    ),
    "camping": (
        "aire", "camping aire", "camping car park", "camping car parks", "camping car", "camping cars", "state park", "campsite fee", "stellplatz", "camperstop",
        "camping", "camp", "campground", "camp ground", "campsite", "camp site", "camp fee",
        "site fee", "powered site", "unpowered site", "non powered site", "free camp", "freecamp",
        "free camping", "freedom camping", "bush camp", "caravan park", "van park", "rv park",
        "holiday park", "tourist park", "showground", "national park", "national park pass",
        "national park fee", "park pass", "parks pass", "park fee",
        "station stay", "farm stay", "cabin", "motel", "accommodation", "airbnb", "hostel",
        "glamping", "big4", "big 4", "discovery parks", "koa", "kampground",
    ),
    "maintenance": (
        "maintenance", "mechanic", "tyre", "tire", "flat tyre", "tyre repair", "tyre rotation", "water pump",
        "habitation check", "hab check", "damp check",
        "fuel pump", "starter motor", "wiper blades", "headlight globe",
        "puncture", "oil change", "engine oil", "service", "serviced", "servicing", "repair",
        "repaired", "brake", "brake pads", "battery", "wheel alignment", "wheel bearing",
        "bearing", "parts", "spare part", "auto parts", "alternator", "windscreen", "windshield",
        "radiator", "wiper", "wiper blade", "oil filter", "air filter", "fuel filter", "fan belt",
        "timing belt", "cv joint", "shocks", "shock absorber", "suspension", "exhaust", "muffler",
        "clutch", "gearbox", "spark plug", "glow plug", "coolant", "tow bar", "towbar", "bull bar",
        "bullbar", "roof rack", "roof bar", "jockey wheel", "car wash", "van wash", "tow truck",
        "towing", "auto electrician", "panel beater", "smash repairs", "gas compliance",
        "gas certificate", "gas check",
    ),
    "insurance": (
        "insurance", "insure", "premium", "green slip", "greenslip", "ctp", "roadside assistance",
        "roadside assist", "roadside cover", "nrma", "racv", "racq", "rac", "raa", "ract", "aant",
    ),
    "registration": (
        "registration", "rego", "licence", "license", "drivers licence", "drivers license",
        "pink slip", "blue slip", "roadworthy", "rwc", "safety certificate", "tags", "rv tags", "plates",
        "registration renewal", "vehicle tax", "road tax", "mot", "wof", "warrant of fitness",
    ),
    "utilities": (
        "telephone", "telephone bill", "landline",
        "utilities", "utility", "phone", "phone bill", "phone credit", "recharge", "internet",
        "data", "mobile", "mobile data", "wifi", "wi fi", "hotspot", "sim", "sim card", "nbn",
        "telstra", "optus", "vodafone", "amaysim", "boost mobile", "aussie broadband", "starlink",
        "electricity", "power bill", "shore power", "gas bill", "gas bottle", "gas bottle swap",
        "gas cylinder", "gas refill", "gas swap", "swap and go", "swap n go", "lpg", "lpg bottle",
        "butane", "gas canister", "cooking gas", "camping gas",
        *(f"{a} gas" for a in _GAS_APPLIANCES), *(f"gas for the {a}" for a in _GAS_APPLIANCES),
        "laundry", "laundromat", "laundrette", "washing machine", "dryer", "shower", "hot shower",
        "water", "water fill", "drinking water", "dump point", "dump station", "dump ezy", "service point", "borne", "fresh tank", "fresh water tank", "water tank", "filled up the fresh tank",
        "filled up the water tank", "filled the fresh tank", "filled the water tank", "filled up with water",
        "grey water", "gray water", "black water", "emptied the cassette", "empty the cassette", "cassette emptying",
        "chemical toilet",
    ),
    "transport": (
        "transport", "public transport", "toll", "toll road", "pay and display", "pay n display", "linkt", "e toll", "etoll", "etag",
        "e tag", "paid to park", "pay to park", "to park in", "to park at", "to park near", "to park the", "motorhome bays",
        "motorhome bay", "return tickets", "return ticket", "train tickets", "train ticket", "bus tickets", "ferry tickets",
        "ferry", "car ferry", "vehicle ferry", "interislander", "inter islander", "bluebridge", "cook strait ferry", "barge", "spirit of tasmania",
        "spirit of tassie", "sealink", "parking", "car park", "carpark", "parking meter", "bus",
        "coach", "train", "tram", "taxi", "uber", "didi", "rideshare", "flight", "airfare",
        "qantas", "jetstar", "myki", "opal card", "go card", "crossing", "ferry crossing", "channel crossing",
        "crossing charge", "dartford crossing", "peage", "péage", "toll charge", "congestion charge", "tunnel toll",
        "eurotunnel", "le shuttle", "vignette", "turnpike", "ez pass", "ezpass",
    ),
    "entertainment": (
        "cruise", "croc cruise", "boat tour", "sunset cruise",
        "fun", "fun money", "fun stuff",
        "entertainment", "movie", "cinema", "tour", "museum", "concert", "show", "golf", "lesson", "lessons",
        "mini putt", "putt putt", "minigolf", "ten pin", "escape room",
        "surf lesson", "day pass", "day passes", "dreamworld", "movie world", "sea world", "wet n wild", "theme parks",
        "mini golf", "gallery", "zoo", "aquarium", "theme park", "luna park", "amusement park", "fun park", "funfair",
        "fun fair", "fairground", "carnival", "sideshow alley", "show rides", "dodgems", "pony rides", "camel rides", "water park", "waterpark", "water slides", "festival",
        "pool entry", "swimming pool", "public pool", "pool entry fee", "pool fees", "aquatic centre", "aquatic center",
        "footy", "gig",
        "fishing licence", "fishing license", "fishing permit", "fishing charter", "boat hire",
        "kayak hire", "river cruise", "harbour cruise", "scenic flight", "hot springs", "pokies",
        "netflix", "spotify", "streaming", "admission", "entry fee", "entrance fee", "entry to", "entry into",
        "tickets",
    ),
    "health": (
        "urgent care", "copay", "co-pay", "clinic", "walk-in clinic", "er visit", "emergency room",
        "pharmacie", "farmacia", "apotheke", "nasal spray", "health", "doctor", "gp", "dentist", "medicine", "medication", "prescription", "script",
        "physio", "chiro", "chiropractor", "medical", "hospital", "ambulance", "optometrist",
        "hearing aid", "hearing aid batteries", "hearing aids", "audiologist", "gap fee", "podiatrist", "cardiologist",
        "blood pressure tablets", "heart tablets",
        "specialist", "pathology", "blood test", "flu shot", "vaccination", "first aid kit",
        "vet", "vet bill", "hay fever", "hayfever", "antihistamine", "antihistamines", "calpol", "panadol", "nurofen",
        "paracetamol", "ibuprofen", "tylenol", "advil", "cold and flu", "cough syrup", "cough medicine", "painkillers",
        "plasters", "band aids", "bandaids",
    ),
    "shopping": (
        "shopping", "clothes", "clothing", "shoes", "boots", "jacket", "rain jacket", "raincoat", "fleece", "jumper",
        "hats", "sun hat", "new hat", "akubra", "shirt", "shirts", "t-shirt", "t-shirts", "long-sleeve shirt", "shorts", "pants",
        "trousers", "jeans", "socks", "hoodie", "beanie", "thongs", "sandals", "sunnies", "sunglasses", "swimmers",
        "storage crates", "crates", "storage boxes", "storage tubs", "containers", "organiser", "organizer",
        "hardware", "gift", "souvenir", "homewares",
        "gear", "camping gear", "camping chair", "camp chair", "camp oven", "camp stove", "esky",
        "gps", "phone charger", "phone case", "gas bbq", "tackle", "camera", "camera gear", "lens", "nd filter",
        "awning mat", "outdoor mat", "door mat", "doormat", "outdoor rug", "tarp", "camp chairs", "camping chairs",
        "camp table", "folding table", "garden hose", "water hose", "drinking water hose", "extension lead", "bedding", "sheets", "pillows",
        "towels", "torch", "headlamp", "lantern", "cooler", "cool box", "sleeping bag", "air mattress", "blow up mattress",
    ),
    "other": ("other", "misc", "miscellaneous", "speeding fine", "donated", "donation", "charity", "fundraiser",
              "dawn service", "church service", "memorial service", "funeral service", "carols service"),
}

# Where it was paid, or the errand: a category only when nothing paid for is named.
_PLACES: dict[str, tuple[str, ...]] = {
    "fuel": (
        "servo", "service station", "petrol station", "gas station", "fuel station", "roadhouse",
        "truck stop", "bp", "shell", "ampol", "caltex", "mobil", "puma", "united petroleum",
        "metro petroleum", "7 eleven", "petro canada", "esso", "husky", "chevron", "exxon", "sunoco", "wawa", "sheetz", "flying j", "z energy",
        "valero", "circle k", "racetrac", "quiktrip", "loves", "ultramar",
        "fill up", "fillup", "filled up", "filling up", "top up",
        "topped up", "topping up",
    ),
    "groceries": (
        "supermarket", "woolworths", "woolies", "coles", "aldi", "iga", "foodworks", "spar",
        "costco", "harris farm", "drakes", "butcher", "greengrocer", "bottle shop", "bottle o",
        "bottleo", "bottlo", "liquor store", "liquor shop", "bws", "dan murphys", "liquorland",
        "first choice liquor", "walmart", "kroger", "safeway", "albertsons", "publix", "meijer", "heb", "winco",
        "trader joes", "whole foods", "tesco", "sainsburys", "asda", "morrisons", "waitrose", "lidl", "countdown",
        "paknsave", "pak n save", "new world", "four square", "carrefour", "leclerc", "intermarche", "auchan",
        "super u", "mercadona", "edeka", "rewe", "coop", "co op", "loblaws", "sobeys", "no frills", "superstore",
        "save on foods", "freshco", "food basics", "food lion", "hy vee", "fred meyer", "sprouts",
    ),
    "dining": (
        "restaurant", "cafe", "café", "pub", "tavern", "bistro", "bar", "bakery", "rsl", "maccas",
        "macca", "mcdonalds", "hungry jacks", "kfc", "subway", "dominos", "red rooster",
        "food truck", "food van", "chippy", "chipper", "chip shop", "starbucks", "tim hortons", "cracker barrel", "greggs",
    ),
    "maintenance": (
        "repco", "supercheap", "supercheap auto", "autobarn", "tyre shop", "beaurepaires",
        "bob jane", "tyrepower", "garage", "autozone", "napa auto", "pep boys", "les schwab", "discount tire",
        "halfords", "canadian tire",
    ),
    "health": ("pharmacy", "chemist", "chemist warehouse", "priceline", "walgreens", "cvs", "specsavers", "boots pharmacy",
               "boots chemist", "superdrug", "shoppers drug mart", "rexall", "drugstore", "drug store"),
    "shopping": (
        "bunnings", "kmart", "big w", "target", "bcf", "anaconda", "myer", "officeworks",
        "jb hi fi", "harvey norman", "spotlight", "reject shop", "op shop", "opshop", "camera shop", "camera house",
        "home depot", "lowes", "camping world", "kathmandu", "macpac", "rei", "mountain warehouse", "dollar general", "dollar tree",
    ),
}
# fmt: on

_CLEAN = str.maketrans(
    {
        **{c: " " for c in string.punctuation + "–—…“”«»·•"},
        **{c: None for c in "'’‘`´"},
        "&": " and ",
    }
)


def _words(text: str) -> list[str]:
    return text.lower().translate(_CLEAN).split()


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _compile() -> dict[str, tuple[str, bool]]:
    """Phrase (normalised words joined by one space) -> (category, named a place)."""
    table: dict[str, tuple[str, bool]] = {}
    for is_place, groups in ((False, _ITEMS), (True, _PLACES)):
        for category, phrases in groups.items():
            for phrase in phrases:
                key = " ".join(_words(phrase))
                if key in table:
                    raise ValueError(f"{phrase!r} is listed twice")
                table[key] = (category, is_place)
    # Listed phrases win over generated plurals: "gps" is a GPS, not many GPs.
    for key, value in list(table.items()):
        head, _, last = key.rpartition(" ")
        table.setdefault(f"{head} {_plural(last)}".lstrip(), value)
    return table


_TABLE = _compile()
_FIRST_WORDS = frozenset(key.split(" ", 1)[0] for key in _TABLE)
_LONGEST = max(key.count(" ") + 1 for key in _TABLE)

SYNONYMS: dict[str, str] = {
    phrase: category for groups in (_ITEMS, _PLACES) for category, phrases in groups.items() for phrase in phrases
}
"""Every listed word or phrase -> its canonical category (plurals are matched too)."""


def normalise_category(value: str | None) -> str | None:
    """Map a category name or synonym onto the canonical list; None when unknown."""
    key = " ".join(_words(value or ""))
    if key in CATEGORIES:
        return key
    hit = _TABLE.get(key)
    return hit[0] if hit else None


def _phrases(words: list[str]) -> Iterator[tuple[str, bool, int, int]]:
    """(category, names a place, first word, word after) of each listed phrase in `words`, left to right, longest first."""
    i = 0
    while i < len(words):
        step = 1
        if words[i] in _FIRST_WORDS:
            for size in range(min(_LONGEST, len(words) - i), 0, -1):
                hit = _TABLE.get(" ".join(words[i : i + size]))
                if hit:
                    yield (*hit, i, i + size)
                    step = size
                    break
        i += step


def infer_category(text: str) -> str | None:
    """The category of the first thing paid for that `text` names, else of the first place.

    Of two things named back to back, the second is the head: a "flying doctor tour" is a tour."""
    place, item, item_end = None, None, -1
    for category, is_place, start, end in _phrases(_words(text or "")):
        if item is not None:
            if start == item_end and not is_place:
                item, item_end = category, end
                continue
            return item
        if not is_place:
            item, item_end = category, end
        place = place or category
    return item or place


# Misspellings of a category's own name ("dinning", "groseries", "maintainance") still name it. Only long words
# compare, and only closely, so "shipping" stays shipping and "dinner" stays to the synonym list.
_MISSPELT_MIN_LENGTH = 6
_MISSPELT_RATIO = 0.88


def _swapped(word: str, name: str) -> bool:
    """Whether `word` is `name` with two neighbouring letters swapped ("healht")."""
    diff = [i for i, (a, b) in enumerate(zip(word, name, strict=False)) if a != b]
    return len(word) == len(name) and len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]] \
        and word[diff[1]] == name[diff[0]]


def misspelt_category(text: str) -> str | None:
    """The category whose name a word of `text` is a near miss of, or None."""
    for word in _words(text or ""):
        if len(word) < _MISSPELT_MIN_LENGTH or word in _TABLE:
            continue
        for category in CATEGORIES:
            if len(category) >= _MISSPELT_MIN_LENGTH and (
                SequenceMatcher(None, word, category).ratio() >= _MISSPELT_RATIO or _swapped(word, category)
            ):
                return category
    return None


def categories_named(text: str) -> list[str]:
    """Every category `text` names, in order, once each ("my groceries and dining budgets" → groceries, dining)."""
    named: list[str] = []
    for category, _is_place, _start, _end in _phrases(_words(text or "")):
        if category not in named:
            named.append(category)
    return named
