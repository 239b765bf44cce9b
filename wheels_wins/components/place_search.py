"""A typeahead for places: an input with suggestions below it, for any screen that asks for a place.

Presentational only: the page state owns the text, the suggestions (from
`wheels_wins.services.place_suggest.suggest`) and what a pick does. A state provides::

    class MyState(rx.State):
        query: str = ""                       # the input's text
        searched: str = ""                    # the stripped text `suggestions` are for ("" = none yet)
        suggestions: rx.Field[list[Suggestion]] = rx.field(default_factory=list)

        @rx.event
        async def type_place(self, text: str):        # debounced typing (and Enter)
            self.query = text
            if text.strip() != self.searched:
                user = await current_user(self)
                self.suggestions = await place_suggest.suggest(text, user_id=user.id) if user else []
                self.searched = text.strip()

        @rx.event
        async def pick_place(self, index: int):       # a click/tap, or Enter, on suggestion `index`
            ...                                       # use self.suggestions[index]; clear query/searched/suggestions

        @rx.event
        async def enter_place(self, text: str):       # Enter while no current suggestions are shown (optional)
            ...

    place_search(
        query=MyState.query, searched=MyState.searched, suggestions=MyState.suggestions,
        on_type=MyState.type_place, on_pick=MyState.pick_place, on_enter=MyState.enter_place,
        on_pick_on_map=MyState.start_map_pick,  # optional: "Pick on the map instead"
    )

Keyboard: arrow keys move through the suggestions (the input keeps focus; `aria-activedescendant`
names the highlighted option), Enter picks the highlighted one or else the first — as long as the
list shown is for the text in the box; otherwise Enter submits the text to `on_enter`, so a fast
typist never picks a stale suggestion. Escape clears the highlight. The input is an ARIA combobox
controlling a `listbox` of `option`s. When the text found nothing, a message says so and, with
`on_pick_on_map`, offers to pick the point on the map.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from reflex.event import EventSpec, EventType
from reflex.vars.function import FunctionStringVar

from wheels_wins.services.place_suggest import Suggestion

DEBOUNCE_MS = 250
"""How long typing must pause before the text is sent for suggestions."""

_SOURCE_ICONS = (("saved", "bookmark"), ("online", "globe"))

# Runs in the browser on every key in the input: no round trip for arrows, and Enter decides between
# clicking an option (the list is for this very text) and letting the form submit the text.
_KEY_HANDLER = FunctionStringVar.create(
    """(e) => {
  const input = e.currentTarget;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const options = list ? Array.from(list.querySelectorAll('[role="option"]')) : [];
  const current = options.findIndex((o) => o.getAttribute("aria-selected") === "true");
  const mark = (i) => {
    options.forEach((o, j) => o.setAttribute("aria-selected", String(i === j)));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    if (!options.length) return;
    e.preventDefault();
    const step = e.key === "ArrowDown" ? 1 : -1;
    mark(current < 0 ? (step > 0 ? 0 : options.length - 1) : (current + step + options.length) % options.length);
  } else if (e.key === "Enter") {
    if (options.length && list.dataset.query === input.value.trim()) {
      e.preventDefault();
      options[Math.max(current, 0)].click();
    }
  } else if (e.key === "Escape" || e.key.length === 1 || e.key === "Backspace" || e.key === "Delete") {
    mark(-1);
  }
}"""
)


def _option(
    item: rx.Var[Suggestion], index: rx.Var[int], list_id: str, on_pick: Callable[[rx.Var[int]], EventSpec]
) -> rx.Component:
    return rx.el.li(
        rx.icon(
            rx.match(item.source, *_SOURCE_ICONS, "map-pin"),
            size=16,
            color=rx.color("accent", 10),
            flex_shrink="0",
        ),
        rx.box(
            rx.text(item.name, size="2", weight="medium", as_="div", trim="both"),
            rx.cond(item.detail != "", rx.text(item.detail, size="1", color=rx.color("gray", 11), as_="div")),
            min_width="0",
        ),
        id=f"{list_id}-option-" + index.to_string(),
        role="option",
        aria_selected="false",
        aria_label=item.label,
        tab_index=-1,
        on_click=on_pick(index),
        class_name="place-option",
        display="flex",
        align_items="center",
        gap="10px",
        padding="8px 12px",
        min_height="44px",
        cursor="pointer",
        style={
            "&:hover": {"background": rx.color("accent", 3)},
            "&[aria-selected='true']": {"background": rx.color("accent", 4)},
        },
    )


def place_search(
    *,
    query: rx.Var[str],
    searched: rx.Var[str],
    suggestions: rx.Var[list[Suggestion]],
    on_type: EventType[str],
    on_pick: Callable[[rx.Var[int]], EventSpec],
    on_enter: Callable[[rx.Var[str]], EventSpec] | None = None,
    on_pick_on_map: EventType[()] | None = None,
    id: str = "place-search",
    label: str = "Search for a place",
    placeholder: str = "Type a town, or a saved place",
    busy: rx.Var[bool] | bool = False,
    debounce_ms: int = DEBOUNCE_MS,
    **props: Any,
) -> rx.Component:
    """A place input with its suggestion list and the "nothing found" message (see the module docstring).

    `on_pick(index)` is called with the index of the chosen suggestion; `on_enter(text)` when Enter is
    pressed with no current suggestions (leave it out to do nothing then). `id` must be unique on the
    page: the input is `<id>-input` (named `<id>` in form data) and the list `<id>-list`.
    """
    list_id = f"{id}-list"
    showing = suggestions.length() > 0
    nothing_found = (searched != "") & ~showing & (query.strip() == searched)
    input_box = rx.input(
        value=query,
        on_change=on_type,
        debounce_timeout=debounce_ms,
        id=f"{id}-input",
        name=id,
        placeholder=placeholder,
        auto_complete="off",
        spell_check=False,
        role="combobox",
        aria_label=label,
        aria_autocomplete="list",
        aria_controls=list_id,
        aria_expanded=rx.cond(showing, "true", "false"),
        size="3",
        width="100%",
        max_length=2000,
        # A raw DOM handler (not an event to the server): it needs the event itself, to prevent defaults.
        custom_attrs={"onKeyDown": _KEY_HANDLER},
    )
    listbox = rx.cond(
        showing,
        rx.el.ul(
            rx.foreach(suggestions, lambda item, index: _option(item, index, list_id, on_pick)),
            id=list_id,
            role="listbox",
            aria_label="Suggestions",
            custom_attrs={"data-query": searched},
            margin="4px 0 0",
            padding="4px 0",
            list_style="none",
            max_height="min(320px, 50vh)",
            overflow_y="auto",
            background=rx.color("gray", 1),
            border=f"1px solid {rx.color('gray', 6)}",
            border_radius="var(--radius-3)",
            box_shadow="var(--shadow-4)",
            position="absolute",
            top="100%",
            left="0",
            right="0",
            z_index="30",
        ),
    )
    no_match = rx.cond(
        nothing_found,
        rx.hstack(
            rx.icon("search-x", size=16, color=rx.color("amber", 11), flex_shrink="0"),
            rx.text("No place called “", searched, "” found.", size="2", color=rx.color("gray", 12)),
            rx.button(
                rx.icon("map-pin", size=14),
                "Pick on the map instead",
                variant="soft",
                size="1",
                on_click=on_pick_on_map,
                type="button",
            )
            if on_pick_on_map is not None
            else rx.fragment(),
            role="status",
            align="center",
            wrap="wrap",
            spacing="2",
            padding="8px 10px",
            margin_top="6px",
            border_radius="var(--radius-3)",
            background=rx.color("amber", 3),
            width="100%",
        ),
    )
    return rx.form(
        rx.box(
            rx.hstack(
                input_box,
                rx.cond(busy, rx.spinner(size="2"), rx.fragment()),
                align="center",
                spacing="2",
                width="100%",
            ),
            listbox,
            position="relative",
            width="100%",
        ),
        no_match,
        on_submit=(lambda data: on_enter(data.to(dict)[id].to(str))) if on_enter is not None else rx.event.noop(),
        reset_on_submit=False,
        width="100%",
        **props,
    )
