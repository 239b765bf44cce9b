"""Categories: the canonical list, the synonym table and inference from free text."""

from __future__ import annotations

import pytest

from wheels_wins.services.categories import (
    CATEGORIES,
    CATEGORY_LABELS,
    SYNONYMS,
    infer_category,
    normalise_category,
)

CONTRACT_SYNONYMS = {
    "gas": "fuel",
    "petrol": "fuel",
    "diesel": "fuel",
    "supermarket": "groceries",
    "restaurant": "dining",
    "cafe": "dining",
    "takeaway": "dining",
    "caravan park": "camping",
    "RV park": "camping",
    "campground": "camping",
    "mechanic": "maintenance",
    "tyres": "maintenance",
    "oil change": "maintenance",
    "tolls": "transport",
    "ferry": "transport",
    "parking": "transport",
    "phone": "utilities",
    "internet": "utilities",
    "data": "utilities",
}

TRAVELLER_WORDS = {
    "brekkie": "dining",
    "brekky": "dining",
    "maccas": "dining",
    "Macca's": "dining",
    "servo": "fuel",
    "bottle-o": "groceries",
    "bottlo": "groceries",
    "bottle shop": "groceries",
    "Dan Murphy's": "groceries",
    "cabin": "camping",
    "powered site": "camping",
    "caravan park": "camping",
    "free camp": "camping",
    "showgrounds": "camping",
    "national park pass": "camping",
    "car park": "transport",
    "carpark": "transport",
    "parking": "transport",
    "Spirit of Tasmania": "transport",
    "ferry": "transport",
    "Linkt": "transport",
    "Telstra": "utilities",
    "Optus": "utilities",
    "Vodafone": "utilities",
    "Starlink": "utilities",
    "NRMA": "insurance",
    "RACV": "insurance",
    "RACQ": "insurance",
    "RAC": "insurance",
    "roadside assistance": "insurance",
    "green slip": "insurance",
    "CTP": "insurance",
    "rego": "registration",
    "pink slip": "registration",
    "vet": "health",
    "BCF": "shopping",
    "Bunnings": "shopping",
    "Kmart": "shopping",
    "AdBlue": "fuel",
    "LPG": "utilities",
    "gas bottle swap": "utilities",
    "alternator": "maintenance",
    "tyre": "maintenance",
    "windscreen": "maintenance",
    "dump point": "utilities",
    "laundromat": "utilities",
    "chemist": "health",
    "pharmacy": "health",
    "GP": "health",
    "fishing licence": "entertainment",
    "Aldi": "groceries",
    "Coles": "groceries",
    "Woolworths": "groceries",
    "Woolies": "groceries",
    "IGA": "groceries",
}

PLURALS = {
    "groceries": "groceries",
    "snacks": "groceries",
    "tolls": "transport",
    "repairs": "maintenance",
    "tyres": "maintenance",
    "batteries": "maintenance",
    "campsites": "camping",
    "cabins": "camping",
    "showers": "utilities",
    "laundromats": "utilities",
    "coffees": "dining",
    "pies": "dining",
    "ferries": "transport",
    "buses": "transport",
    "gas bottles": "utilities",
    "vets": "health",
}


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_canonical_category_maps_to_itself(category: str) -> None:
    assert normalise_category(category) == category
    assert normalise_category(category.upper()) == category
    assert infer_category(f"Spent a bit on {category} today") == category


def test_every_synonym_targets_a_canonical_category() -> None:
    assert set(SYNONYMS.values()) <= set(CATEGORIES)
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert "other" in CATEGORIES


@pytest.mark.parametrize(("phrase", "category"), SYNONYMS.items())
def test_every_listed_phrase_normalises_and_is_inferred(phrase: str, category: str) -> None:
    assert normalise_category(phrase) == category
    assert infer_category(f"Paid for the {phrase} in Bourke") == category


@pytest.mark.parametrize(("word", "category"), CONTRACT_SYNONYMS.items())
def test_contract_synonyms_normalise(word: str, category: str) -> None:
    assert normalise_category(word) == category
    assert normalise_category(f"  {word.title()} ") == category


@pytest.mark.parametrize(("word", "category"), CONTRACT_SYNONYMS.items())
def test_contract_synonyms_are_inferred_inside_sentences(word: str, category: str) -> None:
    assert infer_category(f"Paid $42 for the {word} near Dubbo.") == category


@pytest.mark.parametrize(("word", "category"), TRAVELLER_WORDS.items())
def test_traveller_vocabulary(word: str, category: str) -> None:
    assert normalise_category(word) == category
    assert normalise_category(word.upper()) == category
    assert infer_category(f"$35 {word} near Longreach") == category


@pytest.mark.parametrize(("word", "category"), PLURALS.items())
def test_plurals_of_listed_words(word: str, category: str) -> None:
    assert normalise_category(word) == category
    assert infer_category(f"Paid $20 for {word} yesterday") == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("$50 gas", "fuel"),
        ("Filled up with gas in Vegas", "fuel"),
        ("Gas station coffee and a donut", "dining"),
        ("$72 at the gas station", "fuel"),
        ("Hey PAM, add $50 gas expense", "fuel"),
        ("Paid the gas bill, $96", "utilities"),
        ("Swapped the gas bottle at the servo", "utilities"),
        ("Servo gas bottle swap $35", "utilities"),
        ("Filled up the gas bottles", "utilities"),
        ("LPG refill for the van $30", "utilities"),
        ("9kg lpg bottle exchange", "utilities"),
        ("Swap n Go at Bunnings", "utilities"),
        ("Gas for the fridge, $28", "utilities"),
        ("BBQ gas $25", "utilities"),
        ("Bought a gas BBQ at Bunnings", "shopping"),
        ("Gas compliance check on the caravan", "maintenance"),
        ("autogas for the Falcon", "fuel"),
    ],
)
def test_gas_is_fuel_only_when_it_means_fuel(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("$8 at the car park", "transport"),
        ("Bottle shop run, $48", "groceries"),
        ("Service station pie", "dining"),
        ("$60 at the service station", "fuel"),
        ("Changed the fuel filter", "maintenance"),
        ("premium unleaded $92", "fuel"),
        ("insurance premium $640", "insurance"),
        ("fishing licence for the month", "entertainment"),
        ("renewed my drivers licence", "registration"),
        ("muesli bars for the walk", "groceries"),
        ("new tow bar fitted", "maintenance"),
        ("GPS for the dash", "shopping"),
        ("fish & chips on the beach", "dining"),
    ],
)
def test_the_longest_phrase_wins(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("$5.60 for milk and bread at the servo", "groceries"),
        ("pie and a coffee at the servo", "dining"),
        ("just dropped 80 bucks at the servo", "fuel"),
        ("Powered site behind the pub, $15", "camping"),
        ("Pub, powered site $15", "camping"),
        ("Coles phone credit $30", "utilities"),
        ("Sausage sizzle at Bunnings", "dining"),
        ("Spent $250 at Bunnings on hardware", "shopping"),
        ("Kmart camp chairs $60", "shopping"),
        ("Topped up the phone", "utilities"),
        ("Top up the water", "utilities"),
        ("diesel top up: 45.5 L, $89.90", "fuel"),
        ("Wifi at Maccas", "utilities"),
        ("Maccas $15", "dining"),
        ("Chemist $23.80 for sunscreen", "health"),
    ],
)
def test_what_was_paid_for_beats_where(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


# Held out from the phrases above: the way travellers type expenses to PAM.
@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("brekkie at Maccas was $14.50", "dining"),
        ("$62 at the bottle-o for a slab", "groceries"),
        ("Paid $38 for a powered site at the showgrounds", "camping"),
        ("Swapped the gas bottle at Bunnings for $32", "utilities"),
        ("Put $85 of gas in the RV yesterday", "fuel"),
        ("Paid $540 for the Spirit of Tasmania", "transport"),
        ("NRMA renewal cost me $129", "insurance"),
        ("green slip for the ute was $480", "insurance"),
        ("$22 for the car park at the airport", "transport"),
        ("Telstra recharge $30", "utilities"),
        ("spent $18 at the laundromat", "utilities"),
        ("$12 for showers at the truck stop", "utilities"),
        ("GP visit cost $45 yesterday", "health"),
        ("Paid $35 for a fishing licence", "entertainment"),
        ("$9 dump point fee at Roma", "utilities"),
        ("AdBlue top up at the servo, $28", "fuel"),
        ("Big shop at Aldi, $142.35", "groceries"),
        ("vet bill for the dog was $210", "health"),
        ("$45 for the national park pass", "camping"),
        ("LPG refill $30", "utilities"),
        ("$4.20 for a servo pie", "dining"),
        ("two nights in a cabin at the caravan park, $180", "camping"),
        ("Starlink subscription $139", "utilities"),
        ("tolls into Brisbane came to $17.60", "transport"),
        ("snacks for the drive, $11", "groceries"),
        ("rego for the caravan $420", "registration"),
        ("Paid $75 for repairs to the awning", "maintenance"),
        ("$26 at Macca\u2019s for the grandkids", "dining"),
        ("New alternator fitted in Tennant Creek, $650", "maintenance"),
        ("Windscreen chip repair $90", "maintenance"),
    ],
)
def test_held_out_traveller_sentences(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Filled up with diesel at Goulburn", "fuel"),
        ("Big shop at the supermarket", "groceries"),
        ("Two nights at the caravan park in Echuca", "camping"),
        ("Oil change and new filter at the mechanic", "maintenance"),
        ("M7 tolls into Sydney", "transport"),
        ("Prepaid DATA pack for the hotspot", "utilities"),
        ("Lunch at a little café", "dining"),
        ("gasoline-free weekend", "fuel"),
    ],
)
def test_infer_category_on_sentences(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Bought a bag of llama wool",
        "datapoint",
        "Las Vegas",
        "Cleaned the barbecue",
        "Shellharbour to Kiama",
        "Aldinga Beach",
        "Coleambally",
        "the plan was vetted",
        "back on track",
        "gaslighting",
        "carpet cleaner",
        "Spent the arvo at the lookout",
        "part of the drive",
    ],
)
def test_infer_category_needs_whole_known_words(text: str) -> None:
    assert infer_category(text) is None


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "bananas", "fuel station of dreams", "Vegas", "gas stationery"],
)
def test_unknown_categories_normalise_to_none(value: str | None) -> None:
    assert normalise_category(value) is None
