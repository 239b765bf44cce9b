"""The canonical expense categories and the one synonym map onto them."""

from __future__ import annotations

import re

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

# Word or phrase -> canonical category. Multi-word phrases are matched before single words.
SYNONYMS: dict[str, str] = {
    # fuel
    "fuel": "fuel", "gas": "fuel", "petrol": "fuel", "diesel": "fuel", "unleaded": "fuel",
    "servo": "fuel", "service station": "fuel", "fill up": "fuel", "fill-up": "fuel",
    "top up": "fuel", "lpg": "fuel", "bp": "fuel", "shell": "fuel", "ampol": "fuel", "caltex": "fuel",
    # groceries
    "groceries": "groceries", "grocery": "groceries", "supermarket": "groceries", "woolworths": "groceries",
    "woolies": "groceries", "coles": "groceries", "aldi": "groceries", "iga": "groceries", "food shop": "groceries",
    # dining
    "dining": "dining", "restaurant": "dining", "cafe": "dining", "café": "dining", "coffee": "dining",
    "takeaway": "dining", "take away": "dining", "lunch": "dining", "dinner": "dining", "breakfast": "dining",
    "brunch": "dining", "pub": "dining", "bakery": "dining", "pie": "dining", "meal": "dining", "pizza": "dining",
    "fish and chips": "dining", "burger": "dining", "drinks": "dining",
    # camping
    "camping": "camping", "campground": "camping", "campsite": "camping", "camp site": "camping",
    "caravan park": "camping", "rv park": "camping", "holiday park": "camping", "camp fees": "camping",
    "powered site": "camping", "national park": "camping", "site fee": "camping",
    # maintenance
    "maintenance": "maintenance", "mechanic": "maintenance", "tyre": "maintenance", "tyres": "maintenance",
    "tire": "maintenance", "tires": "maintenance", "oil change": "maintenance", "service": "maintenance",
    "repair": "maintenance", "repairs": "maintenance", "brakes": "maintenance", "battery": "maintenance",
    "wheel alignment": "maintenance", "parts": "maintenance",
    # insurance
    "insurance": "insurance", "premium": "insurance",
    # registration
    "registration": "registration", "rego": "registration", "licence": "registration", "license": "registration",
    # utilities
    "utilities": "utilities", "phone": "utilities", "internet": "utilities", "data": "utilities",
    "mobile": "utilities", "wifi": "utilities", "electricity": "utilities", "gas bottle": "utilities",
    "starlink": "utilities", "laundry": "utilities", "water": "utilities",
    # transport
    "transport": "transport", "toll": "transport", "tolls": "transport", "ferry": "transport",
    "parking": "transport", "bus": "transport", "train": "transport", "taxi": "transport", "uber": "transport",
    "flight": "transport",
    # entertainment
    "entertainment": "entertainment", "movie": "entertainment", "movies": "entertainment", "cinema": "entertainment",
    "tour": "entertainment", "museum": "entertainment", "tickets": "entertainment", "concert": "entertainment",
    "show": "entertainment", "golf": "entertainment",
    # health
    "health": "health", "doctor": "health", "pharmacy": "health", "chemist": "health", "dentist": "health",
    "medicine": "health", "physio": "health", "medical": "health",
    # shopping
    "shopping": "shopping", "clothes": "shopping", "hardware": "shopping", "bunnings": "shopping",
    "kmart": "shopping", "gift": "shopping", "gear": "shopping",
    # other
    "other": "other", "misc": "other", "miscellaneous": "other",
}

_PHRASES = sorted(SYNONYMS, key=len, reverse=True)
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PHRASES) + r")\b", re.IGNORECASE)


def normalise_category(value: str | None) -> str | None:
    """Map a category name or synonym onto the canonical list; None when unknown."""
    if not value:
        return None
    key = value.strip().lower()
    if key in CATEGORIES:
        return key
    return SYNONYMS.get(key)


def infer_category(text: str) -> str | None:
    """The category suggested by the first (longest) synonym found in free text, if any."""
    match = _PATTERN.search(text or "")
    return SYNONYMS[match.group(1).lower()] if match else None
