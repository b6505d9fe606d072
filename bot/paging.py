"""The page note and the previous/next buttons under a long list (the plan, the overview)."""

from __future__ import annotations

from collections.abc import Callable

from bot import action_ids
from bot.i18n import Catalog
from bot.replies import Block, Button, Buttons, Note


def page_blocks(
    t: Catalog, *, action: str, page: int, pages: int, value: Callable[[int], str] = str
) -> list[Block]:
    """ "Sivu 2/3" and the buttons to the neighbouring pages; nothing for a single page.
    `value` turns a page number into the button's value."""
    if pages <= 1:
        return []
    buttons = [
        Button(action_ids.variant(action, direction), t.plain(f"button_{direction}"), value(to))
        for direction, to in (("prev", page - 1), ("next", page + 1))
        if 1 <= to <= pages
    ]
    return [Note(t("page_of", page=page, pages=pages)), Buttons(tuple(buttons))]
