"""Every route consults bot/privacy/access.py: each command, button and form that acts on a
team or on every team is refused for someone the rules do not allow, and the refusal is audited
with the action the rules refused (only bot.privacy.access writes such rows)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
import pytest_asyncio

from bot import action_ids
from bot.context import Actor
from bot.errors import UserError
from bot.plan.commands import AskelCommand, PlanHelp, parse_askel
from bot.plan.dispatch import FormErrors, StepForm
from bot.privacy.access import RULES, Action, Role
from bot.ratings.grammar import RatingCommand, parse_arvio
from bot.ratings.grammar import ShowHelp as RatingHelp
from bot.replies import Reply
from bot.teams.commands import OpenTeam, OpenTeamDialog, ShowHelp, TeamCommand, parse_tiimi
from bot.teams.dispatch import TiimiCommands
from bot.workshops.commands import (
    OpenSolution,
    OpenWorkshop,
    OrderPractices,
    PajaCommand,
    ShowMyDots,
    ShowSummary,
    WorkshopHelp,
    parse_paja,
)
from storage import queries, workshop_queries
from storage.models import AuditAction
from tests.support.databases import fresh_database_url
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.teams import team_channel

OUTSIDER, BERT = Actor("UOUT", "fi"), Actor("UBERT", "fi")


@pytest_asyncio.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    """SQLite only: these cases check routing, which no database kind changes."""
    async with fresh_database_url("sqlite", tmp_path) as url:
        yield url


TODAY = date(2026, 11, 23)

# /tiimi text → the action the rules decide it by
TIIMI = {
    "lisää <@UCARL>": Action.ADD_MEMBER,
    "poista <@UBERT>": Action.REMOVE_MEMBER,
    "vastuu <@UBERT>": Action.HAND_OVER,
    "jäsenet": Action.LIST_MEMBERS,
    "osallistuja lisää läheinen": Action.CHANGE_PARTICIPANTS,
    "osallistuja poista P2": Action.CHANGE_PARTICIPANTS,
    "osallistuja yhteys P1 <@UBERT>": Action.CHANGE_PARTICIPANTS,
    "sulje": Action.CLOSE_TEAM,
    "sulje muu": Action.CLOSE_TEAM,
    "suunnitelma": Action.VIEW_PLAN,
    "vie": Action.EXPORT_PLAN,
    "tapaaminen": Action.MEETINGS,
    "tapaaminen 1.12. klo 10": Action.MEETINGS,
    "tapaaminen siirrä 2.12. klo 10": Action.MEETINGS,
    "tapaaminen peru": Action.MEETINGS,
    "avoimet csv": Action.LIST_ALL_TEAMS,
    "tilastot": Action.STATISTICS,
    "vie MT-2026-0001": Action.EXPORT_BY_CODE,
    "suunnitelma MT-2026-0001": Action.VIEW_PLAN_BY_CODE,
    "vastuu MT-2026-0001 <@UBERT>": Action.HAND_OVER_BY_CODE,
    "sulje MT-2026-0001 muu": Action.CLOSE_BY_CODE,
}
ASKEL = {
    "": Action.CHANGE_PLAN,  # the step form
    "Soita Kelaan pe mennessä": Action.CHANGE_PLAN,
    "tavoite Oma koti": Action.CHANGE_PLAN,
    "tavoite muokkaa T1 Oma koti": Action.CHANGE_PLAN,
    "tavoite saavutettu T1": Action.CHANGE_PLAN,
    "lista": Action.VIEW_PLAN,
    "kaikki": Action.VIEW_PLAN,
    "valmis 1": Action.CHANGE_PLAN,
    "ei 1": Action.CHANGE_PLAN,
    "siirrä 1 pe": Action.CHANGE_PLAN,
    "muokkaa 1 Soita Kelaan": Action.CHANGE_PLAN,
    "vastuu 1 asiakas": Action.CHANGE_PLAN,
    "poista 1": Action.CHANGE_PLAN,
}
# /arvio text → the action (the self-rating: coordinators only, in a staff channel)
ARVIO = {
    "uusi": Action.START_RATING,
    "sulje": Action.CLOSE_RATING,
    "tulokset": Action.VIEW_RATINGS,
}
# /paja text → the action (a staff workshop's: only its facilitator leads it)
PAJA = {
    "teema Odotus: 1": Action.LEAD_WORKSHOP,
    "teema poista 1": Action.LEAD_WORKSHOP,
    "teemat": Action.LEAD_WORKSHOP,
}
# commands that need no team and no coordinator: the rules allow them to anyone
FOR_ANYONE = {OpenTeam, OpenTeamDialog, ShowHelp, PlanHelp, RatingHelp}
WORKSHOP_FOR_ANYONE = {OpenWorkshop, ShowMyDots, WorkshopHelp, OpenSolution, ShowSummary}
# a Ratkaisupaja's: its practices' order (LEAD_WORKSHOP) and a review (REVIEW_EXPERIMENT) are
# refused and audited in tests/core/test_solutions.py, which has a Ratkaisupaja to refuse them
SOLUTION_LED = {OrderPractices}
SOLUTION_ACTIONS = {Action.REVIEW_EXPERIMENT}


def test_the_cases_cover_every_command_and_every_action() -> None:
    tiimi = {type(parse_tiimi(said(text))) for text in TIIMI}
    askel = {type(parse_askel(said(text), today=TODAY)) for text in ASKEL}
    assert tiimi | FOR_ANYONE >= set(get_args(TeamCommand))
    assert askel | FOR_ANYONE >= set(get_args(AskelCommand))
    arvio = {type(parse_arvio(said(text))) for text in ARVIO}
    assert arvio | FOR_ANYONE >= set(get_args(RatingCommand))
    paja = {type(parse_paja(said(text))) for text in PAJA}
    assert paja | WORKSHOP_FOR_ANYONE | SOLUTION_LED >= set(get_args(PajaCommand))
    anyone = {a for a, roles in RULES.items() if Role.ANYONE in roles}
    pressed = {action for _, action in BUTTONS_AND_FORMS.values()}  # e.g. the client feedback
    decided = set(TIIMI.values()) | set(ASKEL.values()) | set(ARVIO.values())
    assert decided | set(PAJA.values()) | pressed | anyone | SOLUTION_ACTIONS == set(Action)


@pytest.mark.parametrize(("text", "action"), ARVIO.items())
async def test_arvio_commands(tiimi: TiimiCommands, text: str, action: Action) -> None:
    reply = await tiimi.ratings.run(actor=OUTSIDER, text=said(text), channel_id="CSTAFF")
    assert "Vain koordinaattorit" in reply.message.text
    assert await refused_row(tiimi) == ("UOUT", action, None)


async def refused_row(tiimi: TiimiCommands) -> tuple[str, str | None, int | None]:
    async with tiimi.core.database.session() as session:
        last = (await queries.audit_events(session))[-1]
    assert last.action == AuditAction.ACCESS_REFUSED
    return last.actor_id, last.detail, last.team_id


async def team_id_of(tiimi: TiimiCommands, channel: str) -> int:
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
    assert team is not None
    return team.pk


@pytest.mark.parametrize(("text", "action"), TIIMI.items())
async def test_tiimi_commands(tiimi: TiimiCommands, text: str, action: Action) -> None:
    channel = await team_channel(tiimi)
    reply = await tiimi.run(actor=OUTSIDER, text=said(text), channel_id=channel, request_key="-")
    assert isinstance(reply, Reply) and "vain" in reply.message.text.lower()
    team = None if action in (Action.LIST_ALL_TEAMS, Action.STATISTICS) else channel
    expected = await team_id_of(tiimi, team) if team else None
    assert await refused_row(tiimi) == ("UOUT", action, expected)


@pytest.mark.parametrize(("text", "action"), ASKEL.items())
async def test_askel_commands(tiimi: TiimiCommands, text: str, action: Action) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=BERT, text=said("Hae asumistukea pe mennessä"), channel_id=channel)
    reply = await tiimi.askel.run(actor=OUTSIDER, text=said(text), channel_id=channel)
    assert isinstance(reply, Reply) and "Vain" in reply.message.text
    assert await refused_row(tiimi) == ("UOUT", action, await team_id_of(tiimi, channel))


async def workshop_in_grouping(tiimi: TiimiCommands) -> tuple[str, int]:
    """A staff channel whose workshop (Bert's) is being grouped: its space and id."""
    platform = tiimi.core.platform
    assert isinstance(platform, MemoryPlatform)
    space = platform.add_channel("henkilosto", by_bot=False)
    await tiimi.paja.run(actor=BERT, text=said("hukka uusi Aihe"), channel_id=space)
    async with tiimi.core.database.session() as session:
        workshop = await workshop_queries.running_in(session, space_id=space)
    assert workshop is not None
    reply = await tiimi.paja.submit_note(
        actor=BERT, value=str(workshop.pk), text="Odotus", waste=None, form_id="V1"
    )
    assert reply.then is not None
    grouping = action_ids.variant(action_ids.WORKSHOP_PHASE, "grouping")
    await tiimi.paja.press_phase(actor=BERT, action_id=grouping, value=str(workshop.pk))
    return space, workshop.pk


@pytest.mark.parametrize(("text", "action"), PAJA.items())
async def test_paja_commands(tiimi: TiimiCommands, text: str, action: Action) -> None:
    space, _ = await workshop_in_grouping(tiimi)
    reply = await tiimi.paja.run(actor=OUTSIDER, text=said(text), channel_id=space)
    assert "Vain" in reply.message.text
    assert await refused_row(tiimi) == ("UOUT", action, None)


Press = Callable[[TiimiCommands, str, int], Awaitable[Any]]
BUTTONS_AND_FORMS: dict[str, tuple[Press, Action]] = {
    "step_done": (
        lambda t, c, _: t.askel.press(
            actor=OUTSIDER, channel_id=c, action_id="step_done", value="1"
        ),
        Action.CHANGE_PLAN,
    ),
    "goal_status": (
        lambda t, c, _: t.askel.press_goal(
            actor=OUTSIDER, channel_id=c, action_id="goal_status:reached", value="1"
        ),
        Action.CHANGE_PLAN,
    ),
    "home_step_done": (
        lambda t, _, team: t.askel.finish_from_home(actor=OUTSIDER, value=f"{team}:1"),
        Action.CHANGE_PLAN,
    ),
    "plan_page": (
        lambda t, c, _: t.askel.show_plan(actor=OUTSIDER, channel_id=c, page=2),
        Action.VIEW_PLAN,
    ),
    "nudge_snooze": (
        lambda t, c, _: t.snooze_from_button(actor=OUTSIDER, channel_id=c, days=7),
        Action.MEETINGS,
    ),
    "meeting_outcome": (
        lambda t, c, _: t.meeting_outcome_from_button(
            actor=OUTSIDER, channel_id=c, value="1", held=True
        ),
        Action.MEETINGS,
    ),
    "close_team": (
        lambda t, c, _: t.close_from_button(actor=OUTSIDER, channel_id=c, value="x:other"),
        Action.CLOSE_TEAM,
    ),
    "client_feedback": (
        lambda t, _, team: t.feedback.press(
            actor=OUTSIDER, action_id="client_feedback:5", value=str(team)
        ),
        Action.RECORD_FEEDBACK,
    ),
    "close_service_form": (
        lambda t, c, _: t.close_with_service(
            actor=OUTSIDER, channel_id=c, key="x", service="kotihoito"
        ),
        Action.CLOSE_TEAM,
    ),
    "reschedule_form": (
        lambda t, c, _: t.askel.reschedule(
            actor=OUTSIDER, channel_id=c, number=1, due=date(2027, 1, 1)
        ),
        Action.CHANGE_PLAN,
    ),
    "step_form": (
        lambda t, c, _: t.askel.submit_form(
            actor=OUTSIDER,
            channel_id=c,
            step=t.askel.check_form(actor=OUTSIDER, form=StepForm("Soita", None, None, None, None)),
            form_id="VSTEP",
        ),
        Action.CHANGE_PLAN,
    ),
}


@pytest.mark.parametrize("name", BUTTONS_AND_FORMS)
async def test_buttons_and_forms(tiimi: TiimiCommands, name: str) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=BERT, text=said("Hae asumistukea pe mennessä"), channel_id=channel)
    team = await team_id_of(tiimi, channel)
    press, action = BUTTONS_AND_FORMS[name]
    try:
        outcome = await press(tiimi, channel, team)
        assert isinstance(outcome, Reply)
        answer = outcome.message.text
    except FormErrors as errors:  # forms raise; the adapter answers them
        answer = " ".join(errors.errors.values())
    except UserError as error:
        answer = error.key
    assert "Vain" in answer or answer == "not_a_member"
    assert await refused_row(tiimi) == ("UOUT", action, team)


WorkshopPress = Callable[[TiimiCommands, int], Awaitable[Reply]]
WORKSHOP_BUTTONS: dict[str, WorkshopPress] = {
    "workshop_phase": lambda t, w: t.paja.press_phase(
        actor=OUTSIDER, action_id="workshop_phase:voting", value=str(w)
    ),
    "workshop_notes": lambda t, w: t.paja.press_notes(actor=OUTSIDER, value=str(w)),
}


@pytest.mark.parametrize("name", WORKSHOP_BUTTONS)
async def test_workshop_buttons(tiimi: TiimiCommands, name: str) -> None:
    _, workshop = await workshop_in_grouping(tiimi)
    reply = await WORKSHOP_BUTTONS[name](tiimi, workshop)
    assert "Vain" in reply.message.text
    assert await refused_row(tiimi) == ("UOUT", Action.LEAD_WORKSHOP, None)


# every button and form route → its case above, or why it needs none
ROUTES = {
    "step_done": "step_done",
    "step_not_done": "step_done",  # the same call with another status
    "^goal_status:(reached|not_relevant|open)$": "goal_status",
    "home_step_done": "home_step_done",
    "^plan_page:": "plan_page",
    "^nudge_snooze:(1|7)$": "nudge_snooze",
    "^meeting_outcome:(held|not_held)$": "meeting_outcome",
    "^close_team:": "close_team",
    "^client_feedback:": "client_feedback",
    "reschedule_step": "reschedule_form",
    "close_service": "close_service_form",
    "add_step": "step_form",
    "step_move": None,  # only opens the form; its submission is reschedule_step
    "open_team": None,  # anyone may open a team
    "^teams_page:": None,  # /tiimi avoimet's pages: the /tiimi cases cover its rules
    # the self-rating's answer: only someone asked has a key (tests/core/test_ratings.py)
    "^rating:[1-5]$": None,
    "^workshop_phase:(grouping|voting|results)$": "workshop_phase",
    "workshop_notes": "workshop_notes",
    "workshop_dot": None,  # anyone's, one's own dots (the core/test_workshops.py limit)
    "workshop_my_dots": None,  # one's own dots, to oneself
    "workshop_note": None,  # anyone writes a note, anonymously: nothing to refuse or audit
    "solution_case": None,  # anyone in the space writes a case (pseudonymous, guarded)
    "solution_experiment": None,  # anyone in the space adds an experiment
    "solution_review": None,  # its owners and the facilitator: tests/core/test_solutions.py
}


async def test_the_service_form_is_offered_only_to_those_who_may_close(
    tiimi: TiimiCommands,
) -> None:
    """The *siirtyi yhteen palveluun* button (a variant of close_team) opens no form for them."""
    channel = await team_channel(tiimi)
    team = await team_id_of(tiimi, channel)
    value = f"{team}:moved_to_one_service"
    outcome = await tiimi.close_from_button(actor=OUTSIDER, channel_id=channel, value=value)
    assert isinstance(outcome, Reply) and "Vain" in outcome.message.text
    assert await refused_row(tiimi) == ("UOUT", Action.CLOSE_TEAM, team)


def test_every_button_and_form_route_has_a_case() -> None:
    from tests.support.registered import registered_keys

    keys = registered_keys()
    routed = keys["action"] | keys["view"]
    assert set(ROUTES) == routed
    cases = set(BUTTONS_AND_FORMS) | set(WORKSHOP_BUTTONS)
    assert {case for case in ROUTES.values() if case} == cases
