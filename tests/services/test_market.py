"""The marketplace's pure logic: labels, distance choices in the user's units, cursors, the typed max price."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from wheels_wins.services import market
from wheels_wins.services.place_suggest import Suggestion


def test_labels() -> None:
    assert market.condition_label("like_new") == "Like new" and market.condition_label("for_parts") == "For parts"
    assert market.condition_label("used") == "Used"  # an old value still reads well
    assert market.status_label("pending") == "Pending"
    assert market.price_label(Decimal("0"), "AUD") == "Free"
    assert market.price_label(Decimal("1250.5"), "EUR") == "€1,250.50"
    assert market.listing_link(uuid.UUID(int=1)) == f"/social?tab=market&listing={uuid.UUID(int=1)}"


def test_radius_is_in_the_users_unit() -> None:
    assert market.radius_km("50", "metric") == 50
    assert market.radius_km(50, "imperial") == pytest.approx(80.467, abs=0.001)
    assert market.radius_km("", "metric") is None and market.radius_km("42", "metric") is None
    assert market.radius_km("lots", "metric") is None
    assert market.radius_label(100, "imperial") == "Within 100 mi"


def test_cursors_round_trip_and_refuse_junk() -> None:
    listing_id = uuid.uuid4()
    for value in ("2026-01-01T10:00:00+00:00", "120.00", "12.5", ""):
        assert market.decode_cursor(market.encode_cursor((value, listing_id))) == (value, listing_id)
    assert market.decode_cursor("not a cursor") is None
    assert market.decode_cursor(market.encode_cursor(("x", listing_id))[:-4]) is None


def test_max_price_as_typed() -> None:
    assert market.parse_max_price("") is None and market.parse_max_price("  ") is None
    assert market.parse_max_price("$1,200.50") == Decimal("1200.50") and market.parse_max_price("0") == 0
    for bad in ("lots", "-5", "NaN", "Infinity"):
        with pytest.raises(ValueError):
            market.parse_max_price(bad)


def test_town_label() -> None:
    town = Suggestion(
        "Dubbo", "Dubbo, New South Wales, Australia", "New South Wales, Australia", -32.2, 148.6, "gazetteer"
    )
    saved = Suggestion("Lake Keepit camp", "Lake Keepit camp", "Saved free camp", -30.8, 150.5, "saved")
    assert market.town_label(town) == "Dubbo, New South Wales" and market.town_label(saved) == "Lake Keepit camp"
