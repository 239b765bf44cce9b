"""Chart builders: figure shapes, money in hover text, stable colours, themes, empty data and cost per km."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from wheels_wins.services import charts
from wheels_wins.services.categories import CATEGORIES
from wheels_wins.services.charts_theme import (
    CATEGORY_COLORS,
    CHART_CONFIG,
    DARK_TEMPLATE,
    LIGHT_TEMPLATE,
    OVER_COLOR,
    category_color,
)
from wheels_wins.services.money import BudgetStatus

SPENDING = {"fuel": Decimal("1234.50"), "dining": Decimal("80.25"), "camping": Decimal("310.00")}
MONTHS = {
    dt.date(2026, 1, 1): {"fuel": Decimal("100.00"), "dining": Decimal("20.00")},
    dt.date(2026, 2, 1): {},
    dt.date(2026, 3, 1): {"fuel": Decimal("1234.50"), "camping": Decimal("55.00")},
}
TODAY = dt.date(2026, 3, 10)
DAILY = {dt.date(2026, 3, 2): Decimal("1000.00"), dt.date(2026, 3, 9): Decimal("234.50")}


def _budget(category: str, amount: str, spent: str) -> BudgetStatus:
    return BudgetStatus(category, Decimal(amount), Decimal(spent), Decimal(amount) - Decimal(spent))


BUDGETS = [_budget("fuel", "1000", "1234.50"), _budget("dining", "200", "80.25"), _budget("camping", "400", "0")]


def _figures(currency: str = "AUD", dark: bool = False) -> dict[str, go.Figure | None]:
    return {
        "donut": charts.category_donut(SPENDING, currency=currency, dark=dark),
        "monthly": charts.monthly_stacked_bars(MONTHS, currency=currency, dark=dark),
        "budget": charts.budget_vs_actual(BUDGETS, currency=currency, dark=dark),
        "cumulative": charts.cumulative_spend(
            DAILY, budget_total=Decimal("3100"), today=TODAY, currency=currency, dark=dark
        ),
        "trip": charts.trip_costs(SPENDING, distance_km=2000.0, currency=currency, dark=dark),
    }


def _hover_text(figure: go.Figure) -> str:
    """Everything a hover label can show: templates, preformatted customdata and text."""
    return json.dumps(
        [[t.hovertemplate, t.customdata, getattr(t, "text", None)] for t in figure.data],
        default=str,
        ensure_ascii=False,
    )


def _trace_colors(figure: go.Figure) -> dict[str, str]:
    """Category label -> colour for every categorical mark in the figure."""
    found: dict[str, str] = {}
    for trace in figure.data:
        if isinstance(trace, go.Pie):
            found.update(zip(trace.labels, trace.marker.colors, strict=True))
        elif isinstance(trace, go.Bar) and trace.orientation == "h" and trace.name != "Left":
            colors = trace.marker.color
            if isinstance(colors, tuple | list) and len(colors) == len(trace.y):
                found.update(zip(trace.y, colors, strict=True))
        elif isinstance(trace, go.Bar):
            found[trace.name] = trace.marker.color
    return found


# Shapes


def test_figures_and_their_traces() -> None:
    figures = _figures()
    donut = figures["donut"]
    assert isinstance(donut.data[0], go.Pie) and len(donut.data) == 1
    assert donut.data[0].labels == ("Fuel", "Camping", "Dining")  # largest first
    assert donut.data[0].hole > 0.5
    monthly = figures["monthly"]
    assert [type(t) for t in monthly.data] == [go.Bar, go.Bar, go.Bar, go.Scatter]  # a bar per category + total
    assert [t.name for t in monthly.data] == ["Fuel", "Camping", "Dining", "Total"]
    assert monthly.layout.barmode == "stack"
    budget = figures["budget"]
    assert [t.name for t in budget.data] == ["Spent", "Left", "Over budget"]
    assert budget.layout.barmode == "stack"
    cumulative = figures["cumulative"]
    assert [t.name for t in cumulative.data] == ["Budget pace", "Spent"]
    trip = figures["trip"]
    assert len(trip.data) == 1 and isinstance(trip.data[0], go.Bar)


@pytest.mark.parametrize("name", ["donut", "monthly", "budget", "cumulative", "trip"])
def test_layout_is_responsive_transparent_and_compact(name: str) -> None:
    figure = _figures()[name]
    layout = figure.layout
    assert layout.autosize is True
    assert layout.width is None and layout.height is None
    assert layout.template.layout.paper_bgcolor == "rgba(0,0,0,0)"
    assert layout.template.layout.plot_bgcolor == "rgba(0,0,0,0)"
    assert layout.margin.l <= 8 and layout.margin.r <= 24 and layout.margin.b <= 8
    assert layout.legend.orientation == "h" and layout.legend.yanchor == "bottom"
    assert layout.dragmode is False
    json.loads(pio.to_json(figure))  # Reflex sends figures as JSON


def test_config_hides_the_mode_bar_and_logo() -> None:
    assert CHART_CONFIG["displayModeBar"] is False
    assert CHART_CONFIG["displaylogo"] is False
    assert CHART_CONFIG["responsive"] is True


# Money in hover text


@pytest.mark.parametrize("name", ["donut", "monthly", "budget", "cumulative", "trip"])
def test_hover_shows_amounts_formatted_in_the_users_currency(name: str) -> None:
    aud = _hover_text(_figures("AUD")[name])
    assert "$1,234.50" in aud
    eur = _hover_text(_figures("EUR")[name])
    assert "€1,234.50" in eur
    assert "$" not in eur


def test_axes_ticks_use_the_currency_symbol() -> None:
    assert _figures("EUR")["monthly"].layout.yaxis.tickprefix == "€"
    assert _figures("CHF")["monthly"].layout.yaxis.tickprefix == "CHF "


def test_donut_centre_shows_the_total() -> None:
    figure = _figures("GBP")["donut"]
    assert "£1,624.75" in figure.layout.annotations[0].text


# Colours


def test_every_canonical_category_has_its_own_colour() -> None:
    assert set(CATEGORY_COLORS) == set(CATEGORIES)
    assert len(set(CATEGORY_COLORS.values())) == len(CATEGORIES)
    assert OVER_COLOR not in CATEGORY_COLORS.values()


def test_a_category_has_the_same_colour_in_every_chart() -> None:
    expected = {"Fuel": CATEGORY_COLORS["fuel"], "Dining": CATEGORY_COLORS["dining"]}
    for name, figure in _figures().items():
        if name == "cumulative":
            continue
        colors = _trace_colors(figure)
        for label, color in expected.items():
            if label in colors:
                assert colors[label] == color, (name, label)
    # Whatever else is in the data, and in whatever order.
    alone = charts.category_donut({"dining": Decimal("1")}, currency="AUD")
    assert alone.data[0].marker.colors == (CATEGORY_COLORS["dining"],)


def test_unknown_categories_get_a_stable_spare_colour() -> None:
    color = category_color("souvenirs")
    assert color == category_color("souvenirs")
    assert color not in CATEGORY_COLORS.values()
    figure = charts.category_donut({"souvenirs": Decimal("5")}, currency="AUD")
    assert figure.data[0].labels == ("Souvenirs",)
    assert figure.data[0].marker.colors == (color,)


# Light and dark


def test_dark_and_light_templates_differ_in_text_and_grid() -> None:
    light = _figures(dark=False)["monthly"].layout.template.layout
    dark = _figures(dark=True)["monthly"].layout.template.layout
    assert light.font.color != dark.font.color
    assert light.xaxis.gridcolor != dark.xaxis.gridcolor
    assert light.hoverlabel.bgcolor != dark.hoverlabel.bgcolor
    assert light.font.color == LIGHT_TEMPLATE.layout.font.color
    assert dark.font.color == DARK_TEMPLATE.layout.font.color


def test_theme_colours_live_only_in_the_template() -> None:
    # The browser swaps templates by colour mode, so a figure must not pin its own text colour.
    for figure in _figures().values():
        assert figure.layout.font.color is None
        assert figure.layout.paper_bgcolor is None


def test_both_templates_set_the_same_keys() -> None:
    # Merging the dark template over a light figure's must replace every light value.
    def keys(value: object, prefix: str = "") -> set[str]:
        if isinstance(value, dict):
            return {k for key, v in value.items() for k in keys(v, f"{prefix}.{key}")} | {prefix}
        return {prefix}

    assert keys(LIGHT_TEMPLATE.to_plotly_json()) == keys(DARK_TEMPLATE.to_plotly_json())


# Empty data


def test_no_data_gives_none() -> None:
    assert charts.category_donut({}, currency="AUD") is None
    assert charts.category_donut({"fuel": Decimal("0.00")}, currency="AUD") is None
    assert charts.monthly_stacked_bars({}, currency="AUD") is None
    assert charts.monthly_stacked_bars({dt.date(2026, 1, 1): {}, dt.date(2026, 2, 1): {}}, currency="AUD") is None
    assert charts.budget_vs_actual([], currency="AUD") is None
    assert charts.cumulative_spend({}, budget_total=Decimal("0"), today=TODAY, currency="AUD") is None
    assert charts.trip_costs({}, distance_km=500.0, currency="AUD") is None


# Monthly bars


def test_monthly_bars_leave_empty_months_and_categories_out() -> None:
    figure = _figures()["monthly"]
    fuel, camping = figure.data[0], figure.data[1]
    assert fuel.x == ("2026-01-01", "2026-02-01", "2026-03-01")
    assert fuel.y == (100.0, None, 1234.5)
    assert camping.y == (None, None, 55.0)
    total = figure.data[-1]
    assert total.y == (120.0, 0.0, 1289.5) and total.showlegend is False
    assert list(total.customdata[2]) == ["$1,289.50"]


# Budget vs actual


def test_budget_bars_split_spent_left_and_over() -> None:
    figure = _figures()["budget"]
    spent, left, over = figure.data
    assert spent.y == ("Fuel", "Dining", "Camping")  # most used first
    assert spent.x == (1000.0, 80.25, 0.0)
    assert left.x == (0.0, 119.75, 400.0)
    assert over.x == (234.5, 0.0, 0.0)
    assert over.marker.color == OVER_COLOR and over.marker.pattern.shape == "/"
    labels = {a.y: a for a in figure.layout.annotations}
    assert "123%" in labels["Fuel"].text and labels["Fuel"].font.color == OVER_COLOR
    assert labels["Dining"].text == "40%" and labels["Dining"].font.color is None
    assert "Over by $234.50" in spent.customdata[0][0]
    assert "$119.75 left" in spent.customdata[1][0]


def test_budget_without_an_amount_but_with_spending_shows_up_first() -> None:
    figure = charts.budget_vs_actual(
        [_budget("fuel", "0", "12.00"), _budget("dining", "100", "99.00"), _budget("camping", "0", "0")],
        currency="AUD",
    )
    assert figure.data[0].y == ("Fuel", "Dining")
    assert figure.layout.annotations[0].text == "<b>no budget</b>"


# Cumulative spend against the budget pace


def test_cumulative_spend_runs_to_today_against_a_straight_pace() -> None:
    figure = _figures()["cumulative"]
    pace, spent = figure.data
    assert pace.x[0] == 0 and pace.x[-1] == 31
    assert pace.y[0] == 0 and pace.y[-1] == pytest.approx(3100.0)
    assert pace.y[10] == pytest.approx(1000.0)
    assert spent.x == tuple(range(11))  # the start of the month, then days 1..10
    assert spent.y[1] == 0 and spent.y[2] == 1000.0 and spent.y[-1] == 1234.5
    assert "Spent so far $1,234.50" in spent.customdata[-1]
    assert "Budget pace $1,000.00" in spent.customdata[-1]
    assert [s.x0 for s in figure.layout.shapes] == [10]
    assert figure.layout.annotations[0].text == "Today · $234.50 over pace"
    assert spent.line.color == OVER_COLOR


def test_cumulative_spend_under_pace_and_without_budget() -> None:
    under = charts.cumulative_spend(DAILY, budget_total=Decimal("9300"), today=TODAY, currency="AUD")
    assert under.layout.annotations[0].text == "Today · $1,765.50 under pace"
    assert under.data[-1].line.color != OVER_COLOR
    no_budget = charts.cumulative_spend(DAILY, budget_total=Decimal("0"), today=TODAY, currency="AUD")
    assert [t.name for t in no_budget.data] == ["Spent"]
    assert no_budget.layout.annotations[0].text == "Today"


def test_cumulative_spend_for_a_past_or_future_month() -> None:
    past = charts.cumulative_spend(
        DAILY, budget_total=Decimal("3100"), today=dt.date(2026, 4, 2), month=dt.date(2026, 3, 1), currency="AUD"
    )
    assert past.data[-1].x[-1] == 31
    assert not past.layout.shapes and not past.layout.annotations
    future = charts.cumulative_spend(
        DAILY, budget_total=Decimal("3100"), today=TODAY, month=dt.date(2026, 4, 1), currency="AUD"
    )
    assert future is None


def test_cumulative_spend_with_a_budget_but_nothing_spent_yet() -> None:
    figure = charts.cumulative_spend({}, budget_total=Decimal("3100"), today=TODAY, currency="AUD")
    assert figure is not None
    assert set(figure.data[-1].y) == {0.0}


# Trips and cost per km


def test_trip_bars_are_labelled_with_money_and_headed_by_cost_per_km() -> None:
    figure = _figures()["trip"]
    bars = figure.data[0]
    assert bars.y == ("Fuel", "Camping", "Dining")
    assert bars.text == ("$1,234.50", "$310.00", "$80.25")
    assert figure.layout.title.text == "<b>$1,624.75</b> total · $0.81 per km over 2,000 km"


@pytest.mark.parametrize(
    ("distance", "headline"),
    [
        (None, "<b>$1,624.75</b> total · cost per km: distance unknown"),
        (0.0, "<b>$1,624.75</b> total · cost per km: no distance travelled"),
    ],
)
def test_trip_without_a_distance_says_so(distance: float | None, headline: str) -> None:
    figure = charts.trip_costs(SPENDING, distance_km=distance, currency="AUD")
    assert figure.layout.title.text == headline


def test_cost_per_distance() -> None:
    assert charts.cost_per_distance(Decimal("100"), 400.0) == Decimal("0.25")
    assert charts.cost_per_distance(Decimal("100"), None) is None
    assert charts.cost_per_distance(Decimal("100"), 0.0) is None
    assert charts.cost_per_distance(Decimal("100"), -5.0) is None
    per_mile = charts.cost_per_distance(Decimal("160.9344"), 160.9344, units="imperial")
    assert per_mile == pytest.approx(Decimal("1.609344"))
    assert charts.cost_per_distance_label(Decimal("100"), 400.0, currency="EUR") == "€0.25 per km"
    assert charts.cost_per_distance_label(Decimal("100"), 160.9344, currency="USD", units="imperial") == "$1.00 per mi"
    assert charts.cost_per_distance_label(Decimal("100"), None, currency="USD", units="imperial") == (
        "cost per mi: distance unknown"
    )
