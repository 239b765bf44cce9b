"""What Wins' charts share: category colours, light and dark templates, layout, config and helpers.

Everything that depends on the colour mode (text, grid and hover-label colours) lives in a
plotly template, never in a figure's own layout or traces. A figure built with `dark=False`
therefore turns dark when the browser swaps its template: `components/charts.py` passes
`LIGHT_TEMPLATE` or `DARK_TEMPLATE` to `rx.plotly(template=...)` by colour mode, and Reflex
merges that over the figure's own template (both define the same keys, so the swap is complete).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from wheels_wins.services.categories import CATEGORY_LABELS
from wheels_wins.services.currency import currency_symbol

# Radix step-9 hues: saturated enough for a chart, readable on white and on near-black.
CATEGORY_COLORS: dict[str, str] = {
    "fuel": "#FFC53D",
    "groceries": "#46A758",
    "dining": "#F76B15",
    "camping": "#12A594",
    "maintenance": "#0090FF",
    "insurance": "#6E56CF",
    "registration": "#3E63DD",
    "utilities": "#00A2C7",
    "transport": "#AD7F58",
    "entertainment": "#D6409F",
    "health": "#E93D82",
    "shopping": "#AB4ABA",
    "other": "#8D8D8D",
}
"""One colour per canonical category, the same in every chart."""

# For categories outside the canonical list (old or imported rows): picked by a stable hash.
_SPARE_COLORS = ("#5B5BD6", "#29A383", "#978365", "#7CE2FE", "#BDEE63", "#A18072")

OVER_COLOR = "#E5484D"
"""Spending beyond a budget or pace: Radix red, kept out of the category palette."""

ACCENT_COLOR = "#12A594"
PACE_COLOR = "#8D8D8D"
TRANSPARENT = "rgba(0,0,0,0)"
FONT_FAMILY = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

CHART_CONFIG: dict[str, Any] = {
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
    "showTips": False,
}
"""The plotly config every chart uses: no mode bar or logo, no zooming, resizes with its card."""


def category_color(category: str) -> str:
    """The category's colour; unknown categories get a stable spare colour."""
    if category in CATEGORY_COLORS:
        return CATEGORY_COLORS[category]
    return _SPARE_COLORS[zlib.crc32(category.encode()) % len(_SPARE_COLORS)]


def category_label(category: str) -> str:
    """'Fuel' for 'fuel'; unknown categories are capitalised as they are."""
    return CATEGORY_LABELS.get(category, category.capitalize())


def money_axis(currency: str) -> dict[str, Any]:
    """A compact money axis: '$0', '$500', '$1.5k'."""
    return {"tickprefix": currency_symbol(currency), "tickformat": "~s", "rangemode": "tozero"}


def spent_categories(by_category: Mapping[str, Decimal]) -> list[tuple[str, Decimal]]:
    """(category, amount) with money spent, largest first (ties by name, so the order is stable)."""
    return sorted(((c, a) for c, a in by_category.items() if a > 0), key=lambda item: (-item[1], item[0]))


def as_float(amount: Decimal) -> float:
    """Plotly draws floats; exact amounts travel as preformatted text beside them."""
    return float(amount)


def chart_template(dark: bool) -> go.layout.Template:
    """Text, grid and hover colours for Radix's light or dark theme, on a transparent background."""
    text, muted, grid, line, hover_bg, hover_border, panel = (
        ("#EEEEEE", "#B4B4B4", "#2A2A2A", "#3A3A3A", "#222222", "#484848", "#191919")
        if dark
        else ("#202020", "#646464", "#EBEBEB", "#D9D9D9", "#FFFFFF", "#D9D9D9", "#FFFFFF")
    )
    axis = {
        "gridcolor": grid,
        "linecolor": line,
        "zerolinecolor": line,
        "tickfont": {"color": muted},
        "title": {"font": {"color": muted}},
    }
    return go.layout.Template(
        layout={
            "font": {"family": FONT_FAMILY, "size": 12, "color": text},
            "paper_bgcolor": TRANSPARENT,
            "plot_bgcolor": TRANSPARENT,
            "xaxis": axis,
            "yaxis": axis,
            "legend": {"font": {"color": text}, "bgcolor": TRANSPARENT},
            "hoverlabel": {"bgcolor": hover_bg, "bordercolor": hover_border, "font": {"color": text}},
            "annotationdefaults": {"font": {"color": text}},
        },
        # Slice borders in the card's colour keep neighbouring donut slices apart.
        data={"pie": [go.Pie(marker={"line": {"color": panel}})]},
    )


LIGHT_TEMPLATE = chart_template(dark=False)
DARK_TEMPLATE = chart_template(dark=True)


def base_layout(dark: bool, *, legend: bool = True, top: int = 8, right: int = 8) -> dict[str, Any]:
    """Autosized, compact, no drag-zoom, legend in a row under the chart (a fresh dict each call)."""
    return {
        "template": DARK_TEMPLATE if dark else LIGHT_TEMPLATE,
        "autosize": True,
        "margin": {"l": 8, "r": right, "t": top, "b": 8, "pad": 0},
        "dragmode": False,
        "showlegend": legend,
        "legend": {
            "orientation": "h",
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            "itemclick": "toggle",
            "itemdoubleclick": False,
            "font": {"size": 11},
            "itemwidth": 30,
            "tracegroupgap": 0,
        },
        "hoverlabel": {"font": {"size": 13, "family": FONT_FAMILY}, "align": "left"},
        "uniformtext": {"minsize": 10, "mode": "hide"},
    }


def category_axis() -> dict[str, Any]:
    """A y axis of category names, first row on top."""
    return {"autorange": "reversed", "showgrid": False, "fixedrange": True, "automargin": True, "ticklabelstandoff": 6}


def build_figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure in one constructor call: validated once (update_layout and add_* cost ten times more)."""
    return go.Figure(data=traces, layout=layout)
