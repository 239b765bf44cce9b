"""The import dialog's views: choose a file, review the preview, watch progress, see the result."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import form_error
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wins.importer import NONE, ROLES, ROWS_SHOWN, ColumnChoice, ImportRow, ImportState
from wheels_wins.pages.wins.rules import RulesState
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS

UPLOAD_ID = "statement"


def _upload_step() -> rx.Component:
    return rx.vstack(
        rx.upload(
            rx.vstack(
                rx.icon("file-up", size=28, color=rx.color("accent", 11)),
                rx.text("Drop your bank statement here, or click to choose it", size="2", weight="medium"),
                rx.text("A CSV export from your bank or card, up to 5 MB. Nothing is saved until you confirm.",
                        size="1", color=rx.color("gray", 11), text_align="center"),
                align="center",
                spacing="2",
                padding="28px 16px",
            ),
            id=UPLOAD_ID,
            accept={"text/csv": [".csv"], "text/plain": [".txt", ".tsv"]},
            max_files=1,
            multiple=False,
            on_drop=ImportState.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            border=f"2px dashed {rx.color('gray', 6)}",
            border_radius="var(--radius-4)",
            width="100%",
            cursor="pointer",
        ),
        rx.cond(ImportState.busy, rx.hstack(rx.spinner(size="2"), rx.text("Reading the file…", size="2"))),
        rx.hstack(
            rx.text("Imported lines are categorised by your rules first.", size="1", color=rx.color("gray", 11)),
            rx.button("Category rules", variant="ghost", size="1", on_click=RulesState.open_dialog),
            align="center",
            spacing="2",
        ),
        spacing="3",
        width="100%",
    )


def _column_select(role: str, label: str) -> rx.Component:
    def option(choice: ColumnChoice) -> rx.Component:
        return rx.select.item(choice.label, value=choice.value)

    return rx.vstack(
        rx.text(label, size="1", weight="medium", color=rx.color("gray", 11)),
        rx.select.root(
            rx.select.trigger(width="100%", aria_label=f"{label} column"),
            rx.select.content(rx.select.item("—", value=NONE), rx.foreach(ImportState.columns, option)),
            value=ImportState.mapping[role],
            on_change=lambda value: ImportState.set_column(role, value),
            size="1",
        ),
        spacing="1",
        width="100%",
    )


def _counts() -> rx.Component:
    def badge(key: str, label: str, scheme: str) -> rx.Component:
        return rx.badge(ImportState.counts[key].to_string() + " " + label, color_scheme=scheme, variant="soft", size="2")

    return rx.hstack(
        badge("to_import", "to import", "teal"),
        badge("duplicates", "already recorded", "amber"),
        badge("credits", "money in", "gray"),
        badge("errors", "with problems", "red"),
        wrap="wrap",
        spacing="2",
    )


def _row(row: ImportRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=row.include, on_change=lambda on: ImportState.set_row_included(row.line, on),
                                  disabled=row.locked,
                                  aria_label="Import line " + row.line.to_string())),
        rx.table.cell(rx.text(row.line, size="1", color=rx.color("gray", 10))),
        rx.table.cell(rx.text(row.date, size="1", white_space="nowrap")),
        rx.table.cell(
            rx.vstack(
                rx.text(row.description, size="1"),
                rx.cond(row.status != "", rx.text(row.status, size="1",
                                                  color=rx.cond(row.flagged, rx.color("amber", 11), rx.color("gray", 10)))),
                spacing="0",
            )
        ),
        rx.table.cell(rx.text(row.amount, size="1", white_space="nowrap"), text_align="right"),
        rx.table.cell(
            rx.select.root(
                rx.select.trigger(variant="ghost", aria_label="Category for line " + row.line.to_string()),
                rx.select.content(*[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]),
                value=row.category,
                on_change=lambda value: ImportState.set_row_category(row.line, value),
                size="1",
                disabled=~row.include,
            )
        ),
        class_name=rx.cond(row.include, "import-row", "import-row import-row-out"),
        opacity=rx.cond(row.include, "1", "0.55"),
    )


def _review_step() -> rx.Component:
    return rx.vstack(
        rx.callout(ImportState.detected, icon="scan-search", size="1", width="100%"),
        rx.foreach(ImportState.warnings, lambda w: rx.callout(w, icon="triangle-alert", color_scheme="amber", size="1",
                                                                width="100%")),
        rx.grid(
            *[_column_select(role, label) for role, label in ROLES],
            rx.vstack(
                rx.text("Spending shows as", size="1", weight="medium", color=rx.color("gray", 11)),
                rx.select.root(
                    rx.select.trigger(width="100%", aria_label="Spending shows as"),
                    rx.select.content(rx.select.item("Negative amounts", value="negative"),
                                      rx.select.item("Positive amounts", value="positive")),
                    value=ImportState.expense_sign,
                    on_change=ImportState.set_expense_sign,
                    size="1",
                ),
                spacing="1",
            ),
            grid_template_columns="repeat(7, minmax(0, 1fr))",
            gap="var(--space-2)",
            width="100%",
            style={PHONE: {"grid_template_columns": "1fr 1fr"}},
        ),
        form_error(ImportState.mapping_error),
        _counts(),
        rx.cond(
            ImportState.problems.length() > 0,
            rx.callout(
                rx.vstack(rx.text("Lines that can't be read (they will be left out):", weight="medium"),
                          rx.foreach(ImportState.problems, lambda p: rx.text(p, size="1")), spacing="1"),
                icon="circle-alert", color_scheme="red", size="1", width="100%", id="import-problems",
            ),
        ),
        rx.scroll_area(
            rx.table.root(
                rx.table.header(rx.table.row(
                    rx.table.column_header_cell(""), rx.table.column_header_cell("Line"),
                    rx.table.column_header_cell("Date"), rx.table.column_header_cell("Description"),
                    rx.table.column_header_cell("Amount", text_align="right"), rx.table.column_header_cell("Category"),
                )),
                rx.table.body(rx.foreach(ImportState.rows, _row)),
                size="1",
                width="100%",
            ),
            max_height="42vh",
            type="auto",
        ),
        rx.cond(ImportState.counts["total"] > ROWS_SHOWN,
                rx.text("Showing the first " + str(ROWS_SHOWN) + " of " + ImportState.counts["total"].to_string()
                        + " lines; the rest follow the same choices.", size="1", color=rx.color("gray", 10))),
        rx.hstack(
            rx.button("Discard", variant="soft", color_scheme="red", on_click=ImportState.discard),
            rx.spacer(),
            rx.dialog.close(rx.button("Later", variant="soft", color_scheme="gray")),
            rx.button("Import " + ImportState.counts["to_import"].to_string() + " expenses", on_click=ImportState.confirm,
                      disabled=(ImportState.counts["to_import"] == 0) | (ImportState.mapping_error != "")),
            width="100%",
            spacing="2",
        ),
        spacing="3",
        width="100%",
    )


def _progress_step() -> rx.Component:
    return rx.vstack(
        rx.text("Importing… ", ImportState.progress.to_string(), "%", size="2"),
        rx.progress(value=ImportState.progress, width="100%"),
        spacing="2",
        width="100%",
        padding_y="16px",
    )


def _done_step() -> rx.Component:
    return rx.vstack(
        rx.callout(ImportState.result, icon="circle-check", color_scheme="grass", width="100%", id="import-result"),
        rx.hstack(rx.dialog.close(rx.button("Done")), justify="end", width="100%"),
        spacing="3",
        width="100%",
    )


def import_dialog() -> rx.Component:
    """Import a bank statement (CSV)."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(ImportState.filename != "", "Import " + ImportState.filename,
                                    "Import a bank statement")),
            rx.dialog.description("Check the columns and rows, then import. Duplicates of expenses you already have "
                                  "are left out unless you tick them.", size="2", color=rx.color("gray", 11),
                                  margin_bottom="12px"),
            form_error(ImportState.error),
            rx.match(
                ImportState.step,
                ("review", _review_step()),
                ("importing", _progress_step()),
                ("done", _done_step()),
                _upload_step(),
            ),
            max_width="980px",
            width="96vw",
        ),
        open=ImportState.open,
        on_open_change=ImportState.set_open,
    )
