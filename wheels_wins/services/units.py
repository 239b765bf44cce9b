"""Metric and imperial units: everything is stored metric (km, litres, L/100 km) and converted at the edges.

`units` is the user's preference, "metric" or "imperial". Imperial means miles and US gallons
(mpg US), which is what most imperial-unit RV owners read on their dash and at the pump.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from wheels_wins.services.currency import currency_symbol

KM_PER_MILE = 1.609344
LITRES_PER_GALLON = 3.785411784
"""US liquid gallon."""
_L100_MPG = 100 * LITRES_PER_GALLON / KM_PER_MILE
"""L/100 km × mpg is this constant (about 235.21)."""


def is_imperial(units: str) -> bool:
    """Whether the preference asks for miles and gallons."""
    return units == "imperial"


def distance_unit(units: str) -> str:
    """'km' or 'mi'."""
    return "mi" if is_imperial(units) else "km"


def volume_unit(units: str) -> str:
    """'L' or 'gal'."""
    return "gal" if is_imperial(units) else "L"


def consumption_unit(units: str) -> str:
    """'L/100 km' or 'mpg'."""
    return "mpg" if is_imperial(units) else "L/100 km"


def km_to_display(km: float, units: str) -> float:
    """A distance in km shown in the user's unit."""
    return km / KM_PER_MILE if is_imperial(units) else km


def display_to_km(value: float, units: str) -> float:
    """A distance typed in the user's unit, in km."""
    return value * KM_PER_MILE if is_imperial(units) else value


def litres_to_display(litres: Decimal, units: str) -> Decimal:
    """A volume in litres shown in the user's unit (two places)."""
    value = litres / Decimal(str(LITRES_PER_GALLON)) if is_imperial(units) else litres
    return value.quantize(Decimal("0.01"))


def display_to_litres(value: Decimal, units: str) -> Decimal:
    """A volume typed in the user's unit, in litres (two places, as stored)."""
    litres = value * Decimal(str(LITRES_PER_GALLON)) if is_imperial(units) else value
    return litres.quantize(Decimal("0.01"))


def price_per_volume(price_per_litre: Decimal, units: str) -> Decimal:
    """A fuel price per litre as the price per unit of volume the user buys by (three places)."""
    value = price_per_litre * Decimal(str(LITRES_PER_GALLON)) if is_imperial(units) else price_per_litre
    return value.quantize(Decimal("0.001"))


def consumption_to_display(l_per_100km: float, units: str) -> float:
    """Fuel use as L/100 km, or mpg for imperial (mpg falls as L/100 km rises)."""
    if is_imperial(units):
        return _L100_MPG / l_per_100km if l_per_100km > 0 else 0.0
    return l_per_100km


def display_to_consumption(value: float, units: str) -> float:
    """Fuel use typed as L/100 km or mpg, in L/100 km."""
    if is_imperial(units):
        return _L100_MPG / value if value > 0 else 0.0
    return value


def format_distance(km: float | None, units: str) -> str:
    """'880 km' or '547 mi' in the user's units; an em dash when unknown."""
    if km is None:
        return "—"
    return f"{km_to_display(km, units):,.0f} {distance_unit(units)}"


def format_volume(litres: Decimal, units: str) -> str:
    """'62 L' or '16.38 gal' (trailing zeros dropped)."""
    value = litres_to_display(litres, units).normalize()
    return f"{value:f} {volume_unit(units)}"


def format_consumption(l_per_100km: float, units: str) -> str:
    """'14.2 L/100 km' or '16.6 mpg'."""
    return f"{consumption_to_display(l_per_100km, units):.1f} {consumption_unit(units)}"


def format_temperature_range(low_c: float | None, high_c: float | None, units: str) -> str:
    """'8° – 18°C' or '46° – 64°F'; a dash for a missing end, and alone when both are."""
    if low_c is None and high_c is None:
        return "—"

    def degrees(celsius: float | None) -> str:
        if celsius is None:
            return "—"
        return f"{celsius * 9 / 5 + 32 if is_imperial(units) else celsius:.0f}°"

    return f"{degrees(low_c)} – {degrees(high_c)}{'F' if is_imperial(units) else 'C'}"


def format_unit_price(price: Decimal, currency: str, units: str) -> str:
    """A price per unit of volume already in the user's units, as '$1.950/L' or '$7.382/gal'."""
    return f"{currency_symbol(currency)}{price:,.3f}/{volume_unit(units)}"


def format_price_per_volume(price_per_litre: Decimal, currency: str, units: str) -> str:
    """A price per litre as '$1.950/L', or per gallon ('$7.382/gal') for imperial units."""
    return format_unit_price(price_per_volume(price_per_litre, units), currency, units)


def format_fill_price(total_cost: Decimal, litres: Decimal, price_per_litre: Decimal, currency: str, units: str) -> str:
    """What a fill-up cost per unit of volume: the stored price per litre, or per gallon from the total and the
    gallons shown (the stored price, kept to 3 places per litre, would drift by a tenth of a cent per gallon)."""
    if not is_imperial(units):
        return format_unit_price(price_per_litre, currency, units)
    gallons = litres_to_display(litres, units)
    if gallons <= 0:
        return format_price_per_volume(price_per_litre, currency, units)
    return format_unit_price((total_cost / gallons).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), currency, units)
