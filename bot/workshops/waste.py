"""The kinds of waste (Lean's hukka) a note may be tagged with, named in each language by the
catalogs (`waste_<kind>`)."""

from __future__ import annotations

import enum

from bot.i18n import Catalog


class Waste(enum.StrEnum):
    WAITING = "waiting"
    HAND_OFFS = "hand_offs"
    REPEATED_WORK = "repeated_work"
    UNUSED_KNOW_HOW = "unused_know_how"
    UNFINISHED_WORK = "unfinished_work"
    CORRECTIONS = "corrections"
    SEARCHING = "searching"
    OVER_PRODUCTION = "over_production"


WASTES = frozenset(Waste)


def waste_label(t: Catalog, waste: str) -> str:
    """The kind's name in the reader's language (an unknown kind as it is)."""
    return t.plain(f"waste_{waste}") if waste in WASTES else waste


def waste_choices(t: Catalog) -> list[tuple[str, str]]:
    """(value, label) of every kind, in the order of the list above (for a form's choice)."""
    return [(waste.value, waste_label(t, waste)) for waste in Waste]
