"""Wins' charts: pure functions from plain data to a plotly figure, or None when there is nothing to draw.

Every function takes Decimal amounts, the user's currency and `dark`, and returns a
`plotly.graph_objects.Figure` that is transparent, autosized (no fixed width or height),
has its legend in a row underneath, and shows hover text with amounts already formatted by
`format_money` (customdata strings + hovertemplate), so the browser never rounds money.
`None` means "no data": the page shows its empty state instead. Render with
`CHART_CONFIG` (no mode bar or logo); `components/charts.chart_card` does all of that.

Inputs come straight from `repositories/reports.py` and `services/money.py` (each call
also takes `currency=user.currency`):

- `category_donut(money.month_summary(...).by_category)`
- `monthly_stacked_bars(reports.monthly_by_category(...))`
- `budget_vs_actual(money.budget_statuses(...))`
- `cumulative_spend(reports.daily_totals(...), budget_total=summary.budget_total, today=today)`
- `trip_costs(spending.by_category, distance_km=spending.distance_km, units=user.units)` for a
  `reports.TripSpending` (from `charts_trip.py`, re-exported here with `cost_per_distance`)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

import plotly.graph_objects as go

from wheels_wins.db import to_money
from wheels_wins.services.charts_theme import (
    ACCENT_COLOR,
    CHART_CONFIG,
    DARK_TEMPLATE,
    LIGHT_TEMPLATE,
    OVER_COLOR,
    PACE_COLOR,
    as_float,
    base_layout,
    build_figure,
    category_axis,
    category_color,
    category_label,
    money_axis,
    spent_categories,
)
from wheels_wins.services.charts_trip import cost_per_distance, cost_per_distance_label, trip_costs
from wheels_wins.services.money import BudgetStatus, format_money

__all__ = [
    "CHART_CONFIG",
    "DARK_TEMPLATE",
    "LIGHT_TEMPLATE",
    "budget_vs_actual",
    "category_donut",
    "cost_per_distance",
    "cost_per_distance_label",
    "cumulative_spend",
    "monthly_stacked_bars",
    "trip_costs",
]

ZERO = Decimal("0.00")


def category_donut(by_category: Mapping[str, Decimal], *, currency: str, dark: bool = False) -> go.Figure | None:
    """Spending by category as a donut with the total in the middle; None when nothing was spent."""
    rows = spent_categories(by_category)
    if not rows:
        return None
    total = sum((amount for _, amount in rows), ZERO)
    donut = {
        "type": "pie",
        "labels": [category_label(c) for c, _ in rows],
        "values": [as_float(a) for _, a in rows],
        # A pie hands each slice's customdata row over whole, so one preformatted string per slice.
        "customdata": [f"{format_money(a, currency)} · {a / total:.0%}" for _, a in rows],
        "marker": {"colors": [category_color(c) for c, _ in rows], "line": {"width": 2}},
        "hole": 0.62,
        "sort": False,
        "direction": "clockwise",
        "texttemplate": "%{percent:.0%}",
        "textposition": "inside",
        "insidetextorientation": "horizontal",
        "hovertemplate": "<b>%{label}</b><br>%{customdata}<extra></extra>",
    }
    centre = {
        "text": f"<b>{format_money(total, currency)}</b><br><span style='font-size:11px'>total</span>",
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": 15},
    }
    return build_figure([donut], {**base_layout(dark), "annotations": [centre]})


def monthly_stacked_bars(
    months: Mapping[dt.date, Mapping[str, Decimal]], *, currency: str, dark: bool = False
) -> go.Figure | None:
    """Spend per month stacked by category (keys are each month's first day); None when all are empty.

    One bar trace per category with spending, largest first, then an invisible "Total" trace
    that adds each month's total to the hover list.
    """
    order = sorted(months)
    totals: dict[str, Decimal] = {}
    for amounts in months.values():
        for category, amount in amounts.items():
            totals[category] = totals.get(category, ZERO) + amount
    categories = [c for c, _ in spent_categories(totals)]
    if not categories:
        return None
    x = [m.isoformat() for m in order]
    period = {"x": x, "xperiod": "M1", "xperiodalignment": "middle"}
    traces = []
    for category in categories:
        amounts = [months[m].get(category, ZERO) for m in order]
        label = category_label(category)
        traces.append(
            {
                "type": "bar",
                "name": label,
                **period,
                # A month without this category has no segment, so it is left out of the hover list too.
                "y": [as_float(a) if a > 0 else None for a in amounts],
                "customdata": [[format_money(a, currency)] for a in amounts],
                "marker": {"color": category_color(category), "line": {"width": 0}},
                "hovertemplate": f"{label}: %{{customdata[0]}}<extra></extra>",
            }
        )
    month_totals = [sum(months[m].values(), ZERO) for m in order]
    traces.append(
        {
            "type": "scatter",
            "name": "Total",
            **period,
            "y": [as_float(t) for t in month_totals],
            "customdata": [[format_money(t, currency)] for t in month_totals],
            "mode": "markers",
            "marker": {"opacity": 0, "size": 1},
            "showlegend": False,
            "hovertemplate": "<b>Total: %{customdata[0]}</b><extra></extra>",
        }
    )
    layout = base_layout(dark)
    layout["legend"]["traceorder"] = "normal"
    layout.update(
        barmode="stack",
        bargap=0.25,
        hovermode="x unified",
        xaxis={
            "type": "date",
            "tickformat": "%b",
            "ticklabelmode": "period",
            "hoverformat": "%B %Y",
            "showgrid": False,
            "fixedrange": True,
            "automargin": True,
        },
        yaxis={**money_axis(currency), "fixedrange": True, "automargin": True},
    )
    return build_figure(traces, layout)


def budget_vs_actual(budgets: Sequence[BudgetStatus], *, currency: str, dark: bool = False) -> go.Figure | None:
    """Each budget as a bar filled by what was spent, overspend hatched in red; None without budgets.

    Per category (most used first): the spent part in the category's colour ("Spent"), what
    is left as a faint track ("Left"), anything over budget as a red hatched extension
    ("Over budget"), and the share used at the end of the bar.
    """
    rows = sorted((b for b in budgets if b.amount > 0 or b.spent > 0), key=lambda b: (-_ratio(b), b.category))
    if not rows:
        return None
    labels = [category_label(b.category) for b in rows]
    common = {
        "type": "bar",
        "orientation": "h",
        "y": labels,
        "customdata": [[_budget_hover(b, currency)] for b in rows],
        "hovertemplate": "%{customdata[0]}<extra></extra>",
    }
    over_pattern = {"shape": "/", "fillmode": "overlay", "fgcolor": "rgba(255,255,255,0.6)", "solidity": 0.3}
    traces = [
        {
            **common,
            "name": "Spent",
            "x": [as_float(min(b.spent, b.amount)) for b in rows],
            "marker": {"color": [category_color(b.category) for b in rows], "line": {"width": 0}},
        },
        {
            **common,
            "name": "Left",
            "x": [as_float(max(b.amount - b.spent, ZERO)) for b in rows],
            "marker": {"color": "rgba(141,141,141,0.25)", "line": {"width": 0}},
        },
        {
            **common,
            "name": "Over budget",
            "x": [as_float(max(b.spent - b.amount, ZERO)) for b in rows],
            "marker": {"color": OVER_COLOR, "line": {"width": 0}, "pattern": over_pattern},
        },
    ]
    shares = [
        {
            "x": as_float(max(b.amount, b.spent)),
            "y": label,
            "text": f"<b>{_share(b)}</b>" if b.spent > b.amount else _share(b),
            "xanchor": "left",
            "xshift": 6,
            "showarrow": False,
            "font": {"size": 11, **({"color": OVER_COLOR} if b.spent > b.amount else {})},
        }
        for b, label in zip(rows, labels, strict=True)
    ]
    longest = max(as_float(max(b.amount, b.spent)) for b in rows)
    layout = {
        **base_layout(dark, legend=False),
        "barmode": "stack",
        "bargap": 0.35,
        "hovermode": "closest",
        "xaxis": {**money_axis(currency), "range": [0, longest * 1.2], "fixedrange": True, "automargin": True},
        "yaxis": category_axis(),
        "annotations": shares,
    }
    return build_figure(traces, layout)


def _ratio(status: BudgetStatus) -> float:
    if status.amount > 0:
        return float(status.spent / status.amount)
    return float("inf") if status.spent > 0 else 0.0


def _share(status: BudgetStatus) -> str:
    return f"{status.spent / status.amount:.0%}" if status.amount > 0 else "no budget"


def _budget_hover(status: BudgetStatus, currency: str) -> str:
    spent, budget = format_money(status.spent, currency), format_money(status.amount, currency)
    head = f"<b>{category_label(status.category)}</b><br>Spent {spent} of {budget}"
    if status.spent > status.amount:
        return f"{head}<br>Over by {format_money(status.spent - status.amount, currency)}"
    return f"{head}<br>{format_money(status.amount - status.spent, currency)} left"


def cumulative_spend(
    daily: Mapping[dt.date, Decimal],
    *,
    budget_total: Decimal,
    today: dt.date,
    currency: str,
    month: dt.date | None = None,
    dark: bool = False,
) -> go.Figure | None:
    """Spend so far this month against a straight budget pace from 0 to the month's total budget.

    `month` is any day of the month to draw (default: today's). Spending runs to today (the
    whole month for a past month) with today marked and the gap to the pace stated; the pace
    line is left out without a budget. None when the month has neither spending nor a
    budget, or has not started.
    """
    first = (month or today).replace(day=1)
    days = calendar.monthrange(first.year, first.month)[1]
    last = first.replace(day=days)
    if today < first or (budget_total <= 0 and not any(first <= d <= last and a for d, a in daily.items())):
        return None
    shown = min(today, last).day
    # x is the day of the month; x = n is the end of day n, so both lines start at 0 on x = 0.
    cumulative = [ZERO]
    for n in range(1, shown + 1):
        cumulative.append(cumulative[-1] + daily.get(first.replace(day=n), ZERO))
    pace = [budget_total * n / days for n in range(days + 1)] if budget_total > 0 else []
    names = [f"Start of {first:%B}"] + [f"{first.replace(day=n):%a} {n} {first:%b}" for n in range(1, days + 1)]
    ahead = bool(pace) and cumulative[-1] > pace[shown]
    traces = []
    if pace:
        traces.append(
            {
                "type": "scatter",
                "name": "Budget pace",
                "x": list(range(days + 1)),
                "y": [as_float(p) for p in pace],
                "customdata": [[d, format_money(p, currency)] for d, p in zip(names, pace, strict=False)],
                "mode": "lines",
                "line": {"color": PACE_COLOR, "width": 2, "dash": "dash"},
                "legendrank": 2,
                "hovertemplate": "%{customdata[0]}<br>Budget pace %{customdata[1]}<extra></extra>",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "name": "Spent",
            "x": list(range(shown + 1)),
            "y": [as_float(c) for c in cumulative],
            "customdata": [
                f"{names[n]}<br><b>Spent so far {format_money(c, currency)}</b>"
                + (f"<br>Budget pace {format_money(pace[n], currency)}" if pace else "")
                for n, c in enumerate(cumulative)
            ],
            "mode": "lines",
            "line": {"color": OVER_COLOR if ahead else ACCENT_COLOR, "width": 3},
            "fill": "tozeroy",
            "fillcolor": "rgba(229,72,77,0.12)" if ahead else "rgba(18,165,148,0.12)",
            "legendrank": 1,
            "hovertemplate": "%{customdata}<extra></extra>",
        }
    )
    ticks = (1, 8, 15, 22, days)
    layout = {
        **base_layout(dark, top=24 if today <= last else 8, right=24),
        "hovermode": "closest",
        "xaxis": {
            "range": [0, days],
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": [f"{n} {first:%b}" for n in ticks],
            "ticklabeloverflow": "allow",
            "showgrid": False,
            "fixedrange": True,
            "automargin": True,
        },
        "yaxis": {**money_axis(currency), "fixedrange": True, "automargin": True},
    }
    if today <= last:
        status = _pace_status(cumulative[-1], pace[shown], currency) if pace else ""
        layout["shapes"] = [
            {
                "type": "line",
                "x0": shown,
                "x1": shown,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": PACE_COLOR, "width": 1, "dash": "dot"},
            }
        ]
        layout["annotations"] = [
            {
                "x": shown,
                "y": 1,
                "yref": "paper",
                "text": f"Today · {status}" if status else "Today",
                "showarrow": False,
                "yanchor": "bottom",
                "xanchor": "right" if shown > days / 2 else "left",
                "font": {"size": 11, **({"color": OVER_COLOR} if ahead else {})},
            }
        ]
    return build_figure(traces, layout)


def _pace_status(spent: Decimal, pace: Decimal, currency: str) -> str:
    gap = spent - to_money(pace)
    if not gap:
        return "on pace"
    return f"{format_money(abs(gap), currency)} {'over' if gap > 0 else 'under'} pace"
