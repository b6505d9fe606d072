"""The workshop's card in its space, one message updated in place through the phases: while
collecting only the count of notes and the button that opens the note form; while grouping
the themes so far; while voting each theme with its notes and its dot button, and only how
many have voted; then the themes ranked, the biggest carried forward. The facilitator's
buttons change the phase. Notes are plain runs: what people wrote is shown as written."""

from __future__ import annotations

from collections.abc import Sequence

from bot import action_ids
from bot.i18n import Catalog
from bot.replies import (
    Block,
    Button,
    Buttons,
    Divider,
    Header,
    Message,
    Note,
    Person,
    Runs,
    Text,
    compose,
    join,
    strong,
)
from bot.workshops.service import NoteShown, ThemeShown, WorkshopState
from bot.workshops.waste import waste_label
from storage.workshops import WorkshopPhase

# All the notes' text on one card together, so that the card is one message on every platform
# (Slack's 50 blocks, a Teams card's 28 KB): with many notes each is cut to its share, the
# whole of it in the facilitator's listing.
CARD_NOTE_CHARS = 4800
SHORTEST_CUT = 50
_NEXT = {
    WorkshopPhase.COLLECTING: WorkshopPhase.GROUPING,
    WorkshopPhase.GROUPING: WorkshopPhase.VOTING,
    WorkshopPhase.VOTING: WorkshopPhase.RESULTS,
}


def workshop_card(t: Catalog, state: WorkshopState) -> Message:
    workshop = state.workshop
    phase = WorkshopPhase(workshop.phase)
    header = t("workshop_card_header", topic=workshop.topic)
    blocks: list[Block] = [Header(header), Text(_phases(t, phase))]
    value = str(workshop.pk)
    if phase == WorkshopPhase.COLLECTING:
        blocks += [
            Text(t("workshop_card_collecting")),
            Text(t("workshop_card_note_count", count=state.note_count)),
            Buttons(
                (
                    Button(
                        action_ids.WORKSHOP_NOTE_FORM,
                        t.plain("workshop_button_write"),
                        value,
                        style="primary",
                    ),
                    _next(t, phase, value),
                )
            ),
        ]
    elif phase == WorkshopPhase.GROUPING:
        blocks.append(Text(t("workshop_card_grouping", count=state.note_count)))
        if state.themes:
            blocks.append(Text(join("\n", (_theme_line(t, theme) for theme in state.themes))))
        notes = Button(action_ids.WORKSHOP_NOTES, t.plain("workshop_button_notes"), value)
        blocks.append(Buttons((notes, _next(t, phase, value))))
    elif phase == WorkshopPhase.VOTING:
        count = workshop.dots_per_person
        blocks += [
            Text(t("workshop_card_voting", count=count)),
            Text(t("workshop_card_voters", count=state.voters)),
            Buttons(
                (
                    Button(action_ids.WORKSHOP_MY_DOTS, t.plain("workshop_button_my_dots"), value),
                    _next(t, phase, value),
                )
            ),
            Divider(),
        ]
        for theme in state.themes:
            dot = t.plain("workshop_dot_button", number=theme.number)
            head = compose(strong(f"{theme.number}. {theme.name}"))
            blocks += [
                Text(_theme_notes(t, head, theme, _share(state))),
                Buttons((Button(action_ids.WORKSHOP_DOT, dot, str(theme.id)),)),
            ]
    else:
        blocks += _results(t, state)
    blocks.append(Note(t("workshop_card_facilitator", user=Person(workshop.facilitator_id))))
    phase_name = t.plain(f"workshop_phase_{phase}")
    return Message(compose(header, f" ({phase_name})"), tuple(blocks))


def _results(t: Catalog, state: WorkshopState) -> list[Block]:
    blocks: list[Block] = [
        Text(t("workshop_card_results", count=state.voters)),
        Divider(),
    ]
    shown = ranked_shown(state.themes)
    for rank, theme in enumerate(shown, 1):
        head = compose(
            strong(f"{rank}. {theme.name}"),
            " · ",
            t("workshop_card_dots", count=theme.dots or 0),
            compose(" · ", strong(t("workshop_card_carried"))) if theme.carried_forward else (),
        )
        blocks.append(Text(_theme_notes(t, head, theme, _share(state))))
    if not any(theme.carried_forward for theme in shown):
        tied = any(theme.dots for theme in shown)
        blocks.append(Note(t("workshop_card_tie" if tied else "workshop_card_no_dots")))
    return blocks


def ranked_shown(themes: Sequence[ThemeShown]) -> list[ThemeShown]:
    """The themes as the vote ranked them (bot.workshops.voting.ranked)."""
    return sorted(themes, key=lambda theme: (-(theme.dots or 0), theme.number))


def _phases(t: Catalog, current: WorkshopPhase) -> Runs:
    """keruu → *ryhmittely* → äänestys → tulokset, the current phase strong."""
    names = [
        strong(t.plain(f"workshop_phase_{p}")) if p == current else t.plain(f"workshop_phase_{p}")
        for p in WorkshopPhase
    ]
    return join(" → ", names)


def _next(t: Catalog, phase: WorkshopPhase, value: str) -> Button:
    following = _NEXT[phase]
    return Button(
        action_ids.variant(action_ids.WORKSHOP_PHASE, following),
        t.plain(f"workshop_button_{following}"),
        value,
        style="danger" if following == WorkshopPhase.RESULTS else None,
    )


def _theme_line(t: Catalog, theme: ThemeShown) -> Runs:
    return compose(
        strong(f"{theme.number}."), f" {theme.name} ", t("workshop_notes", count=len(theme.notes))
    )


def _theme_notes(t: Catalog, head: Runs, theme: ThemeShown, limit: int) -> Runs:
    lines = [head, *(compose("• ", note_runs(t, note, limit=limit)) for note in theme.notes)]
    return join("\n", lines)


def _share(state: WorkshopState) -> int:
    """How much of each note the card shows (CARD_NOTE_CHARS)."""
    return max(SHORTEST_CUT, CARD_NOTE_CHARS // max(1, state.note_count))


def note_runs(t: Catalog, note: NoteShown, *, limit: int | None = None) -> Runs:
    """A note as written (cut at `limit` characters), with its kind of waste after it."""
    text = note.text
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    kind = f" ({waste_label(t, note.waste)})" if note.waste else ""
    return compose(text, kind)
