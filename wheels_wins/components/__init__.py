"""Reusable UI: the page layout, navigation, cards, forms, money text, empty states and PAM's panel."""

from wheels_wins.components.cards import card_title, category_badge, list_row, page_header, section_card, stat
from wheels_wins.components.empty_state import empty_state, loading_block
from wheels_wins.components.forms import field, form_error
from wheels_wins.components.layout import app_page, auth_page
from wheels_wins.components.money import money_text

__all__ = [
    "app_page",
    "auth_page",
    "card_title",
    "category_badge",
    "empty_state",
    "field",
    "form_error",
    "list_row",
    "loading_block",
    "money_text",
    "page_header",
    "section_card",
    "stat",
]
