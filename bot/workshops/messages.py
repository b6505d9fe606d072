"""What `/paja` answers one person: the help, the notes and themes for the facilitator, one's
own dots. The notes are listed by number only: nothing tells who wrote which."""

from __future__ import annotations

from bot.i18n import Catalog
from bot.replies import (
    Block,
    Header,
    Message,
    Note,
    Reply,
    Runs,
    Text,
    compose,
    join,
    simple,
    strong,
)
from bot.workshops.card import note_runs
from bot.workshops.service import NoteShown, WorkshopState
from bot.workshops.voting import MyDots


def help_reply(t: Catalog, *, unknown: bool = False) -> Reply:
    header = t("workshop_help_header")
    blocks: list[Block] = [
        Header(header),
        Text(t("workshop_help_body")),
        Text(t("solution_help_body")),
        Note(t("workshop_help_privacy")),
    ]
    if unknown:
        blocks.insert(0, Text(t("workshop_help_unknown")))
    return Reply(Message(header, tuple(blocks)))


def notes_listing(t: Catalog, state: WorkshopState) -> Reply:
    """Every note by number, under its theme or among those in none. The fallback holds the
    whole listing too: Teams answers a button with the fallback alone."""
    header = t("workshop_listing_header", topic=state.workshop.topic)
    sections: list[Runs] = []
    for theme in state.themes:
        head = compose(strong(f"{theme.number}. {theme.name}"))
        sections.append(join("\n", [head, *(_line(t, note) for note in theme.notes)]))
    if state.unthemed:
        head = compose(strong(t("workshop_listing_unthemed")))
        sections.append(join("\n", [head, *(_line(t, note) for note in state.unthemed)]))
    if not state.note_count:
        sections.append(t("workshop_listing_empty"))
    blocks: list[Block] = [Header(header), *(Text(section) for section in sections)]
    blocks.append(Note(t("workshop_listing_note")))
    return Reply(Message(join("\n\n", [header, *sections]), tuple(blocks)))


def _line(t: Catalog, note: NoteShown) -> Runs:
    number = f"{note.number}." if note.number is not None else "–"
    return compose(strong(number), " ", note_runs(t, note))


def my_dots_reply(t: Catalog, dots: MyDots) -> Reply:
    if not dots.given:
        return simple(t("workshop_my_dots_none", count=dots.remaining))
    given = join(
        ", ", (t("workshop_my_dots_theme", number=n, count=c) for n, c in dots.given.items())
    )
    return simple(t("workshop_my_dots", given=given, count=dots.remaining))
