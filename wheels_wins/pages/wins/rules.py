"""Category rules: "anything from this merchant is that category", used first when a statement is imported."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from wheels_wins.components import empty_state, field
from wheels_wins.db import parse_uuid
from wheels_wins.services import csv_import
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS
from wheels_wins.state.auth import current_user_id, run_in_session


@dataclasses.dataclass
class RuleRow:
    """One keyword rule."""

    id: str
    keyword: str
    category: str


class RulesState(rx.State):
    """The rules dialog: the user's rules and the add form."""

    open: bool = False
    rules: rx.Field[list[RuleRow]] = rx.field(default_factory=list)
    form_key: int = 0
    keyword_error: str = ""
    category_error: str = ""

    async def _reload(self, user_id: Any) -> None:
        rows = await run_in_session(lambda s: csv_import.list_rules(s, user_id=user_id))
        self.rules = [RuleRow(str(r.id), r.keyword, CATEGORY_LABELS.get(r.category, r.category)) for r in rows]

    @rx.event
    async def open_dialog(self):
        """Show the rules."""
        user_id = await current_user_id(self)
        if user_id is not None:
            await self._reload(user_id)
            self.keyword_error = self.category_error = ""
            self.open = True

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog."""
        self.open = is_open

    @rx.event
    async def add(self, form: dict[str, Any]):
        """Add a rule, or change the category of an existing keyword."""
        user_id = await current_user_id(self)
        if user_id is None:
            return
        keyword, category = str(form.get("keyword", "")).strip(), str(form.get("category", ""))
        self.category_error = "" if category in CATEGORIES else "Choose a category."
        self.keyword_error = "" if keyword else "Type a word from the merchant's name, e.g. “bunnings”."
        if self.keyword_error or self.category_error:
            return
        try:
            await run_in_session(lambda s: csv_import.save_rule(s, user_id=user_id, keyword=keyword, category=category))
        except csv_import.CsvImportError as problem:
            self.keyword_error = problem.message
            return
        self.form_key += 1
        await self._reload(user_id)

    @rx.event
    async def remove(self, rule_id: str):
        """Delete a rule."""
        user_id, target = await current_user_id(self), parse_uuid(rule_id)
        if user_id is None or target is None:
            return
        await run_in_session(lambda s: csv_import.delete_rule(s, user_id=user_id, rule_id=target))
        await self._reload(user_id)


def _rule(row: RuleRow) -> rx.Component:
    return rx.hstack(
        rx.code(row.keyword, variant="soft"),
        rx.icon("arrow-right", size=14, color=rx.color("gray", 10)),
        rx.text(row.category, size="2"),
        rx.spacer(),
        rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="red", size="1",
                       on_click=RulesState.remove(row.id), aria_label="Delete the rule for " + row.keyword),
        align="center",
        width="100%",
        py="2",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="rule-row",
    )


def rules_dialog() -> rx.Component:
    """List, add and delete category rules."""
    s = RulesState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Category rules"),
            rx.dialog.description("When an imported line's merchant contains the word, it gets the category. "
                                  "Changing a category while importing adds a rule for you.", size="2",
                                  color=rx.color("gray", 11), margin_bottom="12px"),
            rx.form(
                rx.hstack(
                    field("Merchant word", rx.input(name="keyword", placeholder="bunnings", max_length=60, size="2",
                                                    width="100%"), s.keyword_error),
                    field("Category", rx.select.root(
                        rx.select.trigger(placeholder="Choose…", width="100%"),
                        rx.select.content(*[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]),
                        name="category", size="2",
                    ), s.category_error),
                    rx.button("Add rule", type="submit", size="2", margin_top="22px"),
                    align="start",
                    spacing="2",
                    width="100%",
                ),
                on_submit=s.add,
                reset_on_submit=False,
                no_validate=True,
                key=s.form_key,
            ),
            rx.cond(
                s.rules.length() > 0,
                rx.vstack(rx.foreach(s.rules, _rule), spacing="0", width="100%", margin_top="12px",
                          max_height="50vh", overflow_y="auto"),
                empty_state("list-filter", "No rules yet", "Add one above, or change a category while importing."),
            ),
            rx.hstack(rx.dialog.close(rx.button("Done", variant="soft")), justify="end", width="100%",
                      margin_top="12px"),
            max_width="560px",
        ),
        open=s.open,
        on_open_change=s.set_open,
    )
