"""Categories: the canonical list, the synonym map and inference from free text."""

from __future__ import annotations

import pytest

from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS, SYNONYMS, infer_category, normalise_category

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


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_canonical_category_maps_to_itself(category: str) -> None:
    assert normalise_category(category) == category
    assert normalise_category(category.upper()) == category
    assert infer_category(f"Spent a bit on {category} today") == category


def test_every_synonym_targets_a_canonical_category() -> None:
    assert set(SYNONYMS.values()) <= set(CATEGORIES)
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert "other" in CATEGORIES


@pytest.mark.parametrize(("word", "category"), CONTRACT_SYNONYMS.items())
def test_contract_synonyms_normalise(word: str, category: str) -> None:
    assert normalise_category(word) == category
    assert normalise_category(f"  {word.title()} ") == category


@pytest.mark.parametrize(("word", "category"), CONTRACT_SYNONYMS.items())
def test_contract_synonyms_are_inferred_inside_sentences(word: str, category: str) -> None:
    assert infer_category(f"Paid $42 for the {word} near Dubbo.") == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Filled up with diesel at Goulburn", "fuel"),
        ("Big shop at the supermarket", "groceries"),
        ("Two nights at the caravan park in Echuca", "camping"),
        ("Oil change and new filter at the mechanic", "maintenance"),
        ("M7 tolls into Sydney", "transport"),
        ("Prepaid DATA pack for the hotspot", "utilities"),
        ("Swapped the gas bottle at the servo", "utilities"),
        ("Lunch at a little café", "dining"),
    ],
)
def test_infer_category_on_sentences(sentence: str, category: str) -> None:
    assert infer_category(sentence) == category


@pytest.mark.parametrize("text", ["", "Bought a bag of llama wool", "gasoline-free weekend", "datapoint"])
def test_infer_category_needs_a_whole_known_word(text: str) -> None:
    assert infer_category(text) is None


@pytest.mark.parametrize("value", [None, "", "   ", "bananas", "fuel station of dreams"])
def test_unknown_categories_normalise_to_none(value: str | None) -> None:
    assert normalise_category(value) is None
