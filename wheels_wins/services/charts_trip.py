"""A trip's cost: spending per category as labelled bars, headed by the total and the cost per km.

Re-exported by `services/charts.py`; see there for the conventions every chart follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import plotly.graph_objects as go

from wheels_wins.services.charts_theme import (
    as_float,
    base_layout,
    build_figure,
    category_axis,
    category_color,
    category_label,
    spent_categories,
)
from wheels_wins.services.money import format_money
from wheels_wins.services.units import distance_unit, km_to_display

ZERO = Decimal("0.00")


def cost_per_distance(total: Decimal, distance_km: float | None, *, units: str = "metric") -> Decimal | None:
    """Money per km (per mile for imperial units); None when the distance is unknown or zero."""
    if distance_km is None or distance_km <= 0:
        return None
    return total / Decimal(str(km_to_display(distance_km, units)))


def cost_per_distance_label(total: Decimal, distance_km: float | None, *, currency: str, units: str = "metric") -> str:
    """'$0.85 per km', or why there is no such figure ('distance unknown', 'no distance travelled')."""
    unit = distance_unit(units)
    per = cost_per_distance(total, distance_km, units=units)
    if per is not None:
        return f"{format_money(per, currency)} per {unit}"
    return f"cost per {unit}: {'distance unknown' if distance_km is None else 'no distance travelled'}"


def trip_costs(
    by_category: Mapping[str, Decimal],
    *,
    distance_km: float | None,
    currency: str,
    units: str = "metric",
    dark: bool = False,
) -> go.Figure | None:
    """A trip's spending per category as labelled bars, headed by the total and the cost per km.

    An unknown or zero distance is said in the heading instead of a made-up figure. None
    when nothing was spent on the trip.
    """
    rows = spent_categories(by_category)
    if not rows:
        return None
    total = sum((amount for _, amount in rows), ZERO)
    money = [format_money(a, currency) for _, a in rows]
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": [category_label(c) for c, _ in rows],
        "x": [as_float(a) for _, a in rows],
        "text": money,
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": [[category_label(c), m, f"{a / total:.0%}"] for m, (c, a) in zip(money, rows, strict=True)],
        "marker": {"color": [category_color(c) for c, _ in rows], "line": {"width": 0}},
        "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]} of the trip<extra></extra>",
    }
    headline = f"<b>{format_money(total, currency)}</b> total · "
    headline += cost_per_distance_label(total, distance_km, currency=currency, units=units)
    if distance_km is not None and distance_km > 0:
        headline += f" over {km_to_display(distance_km, units):,.0f} {distance_unit(units)}"
    layout = {
        **base_layout(dark, legend=False, top=30),
        # Few categories would make fat bars: keep them about as thick as with five.
        "bargap": max(0.3, 0.75 - 0.09 * len(rows)),
        "hovermode": "closest",
        "xaxis": {"visible": False, "range": [0, as_float(rows[0][1]) * 1.45], "fixedrange": True},
        "yaxis": category_axis(),
        "title": {
            "text": headline,
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": 8, "t": 8},
            "font": {"size": 12},
        },
    }
    return build_figure([bars], layout)
