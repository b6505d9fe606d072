"""A Hukkapaja's card at its largest (the most themes, the most and longest notes) still fits
one message on both platforms: Slack's 50 blocks, and one Teams card within 28 KB (an
updated card is one card: what does not fit would be lost)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.i18n import Catalog
from bot.workshops.card import workshop_card
from bot.workshops.commands import MAX_NOTE, MAX_THEME_NAME, MAX_TOPIC
from bot.workshops.grouping import MAX_THEMES
from bot.workshops.service import MAX_NOTES, NoteShown, ThemeShown, WorkshopState
from handlers.slack.render import MAX_BLOCKS, render_blocks
from handlers.teams.cards import MAX_ACTIVITY_BYTES, render_activities
from storage.workshops import Workshop, WorkshopPhase

NOW = datetime(2026, 12, 7, tzinfo=UTC)
# Finnish at its most non-ASCII (each ä and ö is six bytes as Teams is sent JSON), with
# markup that each platform escapes
NOTE = ("Päätöksiä yöhön & <b>lähetteitä</b> – säästöjä ei ole näkyvissä. " * 5)[:MAX_NOTE]


def _state(phase: WorkshopPhase, spread: bool) -> WorkshopState:
    workshop = Workshop(
        id=1,
        kind="hukka",
        topic=("Tiedonkulku kotiutuksessa " * 10)[:MAX_TOPIC],
        space_id="C1",
        facilitator_id="U" + "F" * 40,
        phase=phase,
        created_at=NOW,
        phase_changed_at=NOW,
        voter_count=999 if phase == WorkshopPhase.RESULTS else None,
    )
    notes = [NoteShown(n, NOTE, "unused_know_how") for n in range(1, MAX_NOTES + 1)]
    themes = []
    for number in range(1, MAX_THEMES + 1):
        if spread:
            mine = notes[number - 1 :: MAX_THEMES]
        else:  # all the notes in the first theme, one in each other (a theme has notes)
            mine = notes[: MAX_NOTES - MAX_THEMES + 1] if number == 1 else [notes[-number]]
        dots = 1000 - number if phase == WorkshopPhase.RESULTS else None
        name = ("Tiedonkulku ja yhteistyö " * 5)[:MAX_THEME_NAME]
        themes.append(ThemeShown(number, number, name, tuple(mine), dots, number <= 2))
    return WorkshopState(workshop, MAX_NOTES, 999, tuple(themes), ())


@pytest.mark.parametrize("spread", [True, False])
@pytest.mark.parametrize("phase", [WorkshopPhase.VOTING, WorkshopPhase.RESULTS])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_largest_card_fits_one_message(phase: WorkshopPhase, spread: bool, lang: str) -> None:
    message = workshop_card(Catalog(lang), _state(phase, spread))
    blocks = render_blocks(message, limit=10_000)
    assert len(blocks) <= MAX_BLOCKS
    activities = render_activities(message, names={}, tenant_id="tenant")
    assert len(activities) == 1
    assert len(json.dumps(activities[0]).encode()) < MAX_ACTIVITY_BYTES - 4096
    shown = json.dumps(activities[0], ensure_ascii=False)
    if phase == WorkshopPhase.VOTING:  # every theme's button is there
        assert shown.count('"verb": "workshop_dot"') == MAX_THEMES
