"""A chart in a card: a plotly figure from a state var, or an empty state when there is nothing to draw.

A page keeps the chart's data in backend-only vars and exposes the figure through
`figure_var`, a cached computed var that Reflex recomputes only when the data it reads
changes. Build the figure with the default `dark=False`: `chart_card` swaps the light and
dark templates in the browser as the colour mode changes, with no round trip::

    class WinsState(rx.State):
        currency: str = "AUD"
        _spending: dict[str, Decimal] = {}  # set by the load handler from money.month_summary(...).by_category

        @figure_var
        def spending_figure(self) -> go.Figure | None:
            return charts.category_donut(self._spending, currency=self.currency)

    chart_card("Spending by category", WinsState.spending_figure, "Add an expense to see where the money goes.",
               icon="chart_pie")

The load handler assigns a fresh value (`self._spending = summary.by_category`),
which is what marks the figure for recomputing. The builder returns None for no data, so the
var is null in the browser and the card shows its empty state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import plotly.graph_objects as go
import reflex as rx
from plotly.graph_objs.layout import Template
from reflex.vars.base import ComputedVar

from wheels_wins.components.cards import section_card
from wheels_wins.components.empty_state import empty_state
from wheels_wins.services.charts_theme import CHART_CONFIG, DARK_TEMPLATE, LIGHT_TEMPLATE

S = TypeVar("S", bound=rx.State)

DEFAULT_HEIGHT = ["340px", "320px"]
"""Taller on phones, where the legend wraps onto more rows (Reflex's responsive list: base, then sm and up)."""


def figure_var(build: Callable[[S], go.Figure | None]) -> ComputedVar[go.Figure | None]:
    """Expose `build(self)` as a cached computed var holding a figure, or None for the empty state."""
    return rx.var(build, cache=True)


def chart_template() -> rx.Var:
    """The light or dark chart template, following the app's colour mode in the browser."""
    return rx.color_mode_cond(light=LIGHT_TEMPLATE, dark=DARK_TEMPLATE).to(Template)


def chart(figure: rx.Var, *, height: str | list[str] = DEFAULT_HEIGHT, **props: Any) -> rx.Component:
    """The bare plotly chart: full width, resizing with the window, no mode bar."""
    return rx.plotly(
        data=figure.to(go.Figure),
        template=chart_template(),
        config=CHART_CONFIG,
        use_resize_handler=True,
        width="100%",
        height=height,
        **props,
    )


def chart_card(
    title: str,
    figure: rx.Var,
    empty_text: str,
    *,
    icon: str = "chart_column",
    empty_title: str = "Nothing to chart yet",
    pam_hint: str | None = None,
    height: str | list[str] = DEFAULT_HEIGHT,
    link: str | None = None,
    link_label: str = "View all",
    **props: Any,
) -> rx.Component:
    """A titled card showing `figure` (a figure var), or an empty state with `empty_text` when it is None."""
    return section_card(
        icon,
        title,
        rx.cond(
            figure,
            chart(figure, height=height),
            empty_state(icon, empty_title, empty_text, pam_hint),
        ),
        link=link,
        link_label=link_label,
        **props,
    )
