"""The Block Kit the bot itself produces: its modals, a message with every block kind the
core has, and a Home tab, built by the bot's own builders."""

from __future__ import annotations

import asyncio
from typing import Any, get_args

from bot import replies
from bot.i18n import Catalog
from bot.plan.commands import StepDialog
from bot.replies import Person, SpaceLink, compose, strong
from handlers.slack.render import home_view, render_blocks
from handlers.slack.views.open_team import open_team_modal
from handlers.slack.views.reschedule_form import reschedule_modal
from handlers.slack.views.step_form import step_form_modal

T = Catalog("fi")
EVERY_KIND: tuple[replies.Block, ...] = (
    replies.Header(compose("Tiimi MT-2026-0001")),
    replies.Text(compose(strong("Askel 1:"), " Soita <Kelaan> & ", Person("U1"), " ")),
    replies.Note(compose("Kanava ", SpaceLink("C1"))),
    replies.Preformatted("1. Soita Kelaan\n2. Varaa *aika*"),
    replies.Divider(),
    replies.Buttons(
        (
            replies.Button("step_done", "Tehty", "3", style="primary"),
            replies.Button("step_not_done", "Ei toteutunut", "3", style="danger"),
            replies.Button("step_move", "Siirrä", "3"),
        )
    ),
)


def kinds_missing() -> set[type]:
    """The core's kinds of block that EVERY_KIND leaves out (a new kind must be added)."""
    return set(get_args(replies.Block)) - {type(b) for b in EVERY_KIND}


def message_blocks() -> list[dict[str, Any]]:
    return render_blocks(replies.Message(compose("Askel 1"), EVERY_KIND))


def home() -> dict[str, Any]:
    return asyncio.run(home_view(replies.Message(compose("Koti"), EVERY_KIND)))


def open_team() -> dict[str, Any]:
    return open_team_modal(T, origin_channel="C1")


def step_form() -> dict[str, Any]:
    dialog = StepDialog(
        goals=((1, "Oma asunto"), (2, "Työ & <opinnot>")),
        participants=((1, "P1 Asiakas"), (3, "P3 Järjestötyöntekijä (<Sininauha> & *ry*)")),
        new_roles=("close_person", "doctor"),
    )
    return step_form_modal(T, dialog, channel_id="C1")


def reschedule() -> dict[str, Any]:
    return reschedule_modal(T, channel_id="C1", number=3)


def every_view() -> list[dict[str, Any]]:
    return [open_team(), step_form(), reschedule(), home()]
