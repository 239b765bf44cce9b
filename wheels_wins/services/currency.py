"""Currency symbols: the one place that knows '$' for AUD and 'CHF ' for a code without a symbol."""

from __future__ import annotations

CURRENCY_SYMBOLS = {"AUD": "$", "USD": "$", "NZD": "$", "CAD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def currency_symbol(currency: str) -> str:
    """The symbol amounts in `currency` start with: '$', '€', or 'CHF ' (the code and a space) when it has none."""
    code = currency.upper()
    return CURRENCY_SYMBOLS.get(code, f"{code} ")
