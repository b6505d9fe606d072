"""The /askel grammar: table tests and properties, on typed inputs (`{U1}`: the person U1)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.command_input import CommandInput, PersonRef
from bot.dates import DateParseError
from bot.errors import UserError
from bot.plan.commands import (
    AddGoal,
    AddStep,
    EditGoal,
    EditStep,
    ListSteps,
    Owner,
    PlanHelp,
    Reschedule,
    SetGoalStatus,
    SetStatus,
    StepDialog,
    parse_askel,
)
from storage.models import GoalStatus, StepStatus
from tests.support.typed import typed

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", StepDialog()),
        ("ohje", PlanHelp()),
        ("Soita Kelaan", AddStep("Soita Kelaan", Owner(), None, None)),
        ("Soita Kelaan {UANNA}", AddStep("Soita Kelaan", Owner(("UANNA",)), None, None)),
        (
            "Soita Kelaan {UANNA|anna} pe mennessä",
            AddStep("Soita Kelaan", Owner(("UANNA",)), date(2026, 11, 27), None),
        ),
        (
            "Hae asumistukea vastuu: asiakas mennessä 11.12.",
            AddStep("Hae asumistukea", Owner(roles=("client",)), date(2026, 12, 11), None),
        ),
        (
            "Käy kaupassa vastuu: Läheinen",
            AddStep("Käy kaupassa", Owner(roles=("close_person",)), None, None),
        ),
        (
            "T2: Varaa aika vastuu: sosiaaliohjaaja vko 50 mennessä",
            AddStep("Varaa aika", Owner(roles=("social_counsellor",)), date(2026, 12, 11), 2),
        ),
        (
            "Ring FPA ansvar: klient senast fr",
            AddStep("Ring FPA", Owner(roles=("client",)), date(2026, 11, 27), None),
        ),
        ("tavoite Oma asunto keväällä", AddGoal("Oma asunto keväällä")),
        ("tavoite muokkaa T1 Oma asunto syksyllä", EditGoal(1, "Oma asunto syksyllä")),
        ("tavoite muokkaa t2 Työpaikka", EditGoal(2, "Työpaikka")),
        ("tavoite muokkaa 3 Työpaikka", EditGoal(3, "Työpaikka")),
        ("tavoite saavutettu T1", SetGoalStatus(1, GoalStatus.REACHED)),
        ("Tavoite SAAVUTETTU #2", SetGoalStatus(2, GoalStatus.REACHED)),
        ("tavoite ei T1", SetGoalStatus(1, GoalStatus.NOT_RELEVANT)),
        ("tavoite ei 4", SetGoalStatus(4, GoalStatus.NOT_RELEVANT)),
        ("tavoite avaa T1", SetGoalStatus(1, GoalStatus.OPEN)),
        ("tavoite poista T12", SetGoalStatus(12, GoalStatus.REMOVED)),
        ("mål ändra T1 Egen bostad", EditGoal(1, "Egen bostad")),
        ("mål uppnått T1", SetGoalStatus(1, GoalStatus.REACHED)),
        ("mal nej T1", SetGoalStatus(1, GoalStatus.NOT_RELEVANT)),
        ("mål öppna T1", SetGoalStatus(1, GoalStatus.OPEN)),
        ("mål radera T1", SetGoalStatus(1, GoalStatus.REMOVED)),
        ("goal edit T1 Own home", EditGoal(1, "Own home")),
        ("goal reached T1", SetGoalStatus(1, GoalStatus.REACHED)),
        ("goal not T1", SetGoalStatus(1, GoalStatus.NOT_RELEVANT)),
        ("goal reopen T1", SetGoalStatus(1, GoalStatus.OPEN)),
        ("goal delete T1", SetGoalStatus(1, GoalStatus.REMOVED)),
        # a verb without a goal's number starts a new goal's text
        ("tavoite Ei velkoja kesään mennessä", AddGoal("Ei velkoja kesään mennessä")),
        ("tavoite ei 2 lainaa enää", AddGoal("ei 2 lainaa enää")),
        ("tavoite Avaa oma tili", AddGoal("Avaa oma tili")),
        ("tavoite poista T", AddGoal("poista T")),
        ("lista", ListSteps(False)),
        ("kaikki", ListSteps(True)),
        ("valmis 3", SetStatus(3, StepStatus.DONE)),
        ("VALMIS #3", SetStatus(3, StepStatus.DONE)),
        ("ei 4", SetStatus(4, StepStatus.NOT_DONE)),
        ("poista 5", SetStatus(5, StepStatus.DELETED)),
        ("siirrä 2 huomenna", Reschedule(2, date(2026, 11, 24))),
        ("siirra 2 12.12.", Reschedule(2, date(2026, 12, 12))),
        ("muokkaa 2 Soita Kelaan uudelleen", EditStep(2, "Soita Kelaan uudelleen")),
    ],
)
def test_parses(text: str, expected: object) -> None:
    assert parse_askel(typed(text), today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("valmis", "usage_step_done"),
        ("valmis kolme", "usage_step_done"),
        ("ei 3 4", "usage_step_not_done"),
        ("siirrä 3", "usage_step_move"),
        ("muokkaa 3", "usage_step_edit"),
        ("tavoite", "usage_goal"),
        ("tavoite muokkaa", "usage_goal_edit"),
        ("tavoite muokkaa T1", "usage_goal_edit"),
        ("tavoite muokkaa T1 ,;", "usage_goal_edit"),
        (f"tavoite muokkaa T1 {'x' * 501}", "text_too_long"),
        ("tavoite saavutettu", "usage_goal_reached"),
        ("tavoite saavutettu T1 T2", "usage_goal_reached"),
        ("tavoite ei T1 nyt", "usage_goal_not_relevant"),
        ("tavoite avaa", "usage_goal_reopen"),
        ("tavoite poista", "usage_goal_remove"),
        ("mål radera T1 T2", "usage_goal_remove"),
        ("Soita vastuu: poppamies", "unknown_owner_role"),
        ("x" * 501, "text_too_long"),
        ("pe mennessä", "usage_step"),
    ],
)
def test_refusals(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_askel(typed(text), today=TODAY)
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Soita mennessä 31.2.", "impossible"),
        ("Soita mennessä 1.1.2026", "past"),
        ("Soita pe 12.12. mennessä", "weekday_mismatch"),
        ("siirrä 3 eilen", "unrecognised"),
    ],
)
def test_bad_dates(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_askel(typed(text), today=TODAY)
    assert raised.value.code == code


@given(st.text(max_size=300))
def test_never_raises_anything_else_and_never_a_past_date(text: str) -> None:
    try:
        command = parse_askel(CommandInput.of(text), today=TODAY)
    except (UserError, DateParseError):
        return
    due = getattr(command, "due", None)
    assert due is None or due >= TODAY


@pytest.mark.parametrize("text", ["Soita\x00 Kelaan", "Soita\x1b Kelaan", "Soita \x7f Kelaan"])
def test_control_characters_never_reach_storage(text: str) -> None:
    command = parse_askel(CommandInput.of(text), today=TODAY)
    assert command == AddStep("Soita Kelaan", Owner(), None, None)


def test_only_control_characters_is_no_step() -> None:
    with pytest.raises(UserError):
        parse_askel(CommandInput.of("\x00"), today=TODAY)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("Soita ", PersonRef("U1", "anna"), ":lle"),
            AddStep("Soita @anna:lle", Owner(), None, None),
        ),
        (("Soita\nKelaan ", PersonRef("U2")), AddStep("Soita Kelaan", Owner(("U2",)), None, None)),
        (
            (PersonRef("U1", "anna b"), " ja ", PersonRef("U2", "c d")),
            AddStep("@anna b ja", Owner(("U2",)), None, None),
        ),
        (("tavoite Tapaa ", PersonRef("U1")), AddGoal("Tapaa @U1")),
        ((PersonRef("U1"), " valmis 3"), AddStep("@U1 valmis 3", Owner(), None, None)),
    ],
)
def test_people_in_free_text_read_as_their_writer_saw_them(
    parts: tuple[str | PersonRef, ...], expected: object
) -> None:
    assert parse_askel(CommandInput.of(*parts), today=TODAY) == expected


@given(
    st.sampled_from(["", "muokkaa ", "saavutettu ", "ei ", "avaa ", "poista ", "mål ändra "]),
    st.sampled_from(["", "T1 ", "t22 ", "#3 ", "4 "]),
    st.text(max_size=200),
)
def test_goal_commands_are_goal_commands_or_refusals(verb: str, number: str, text: str) -> None:
    try:
        command = parse_askel(CommandInput.of(f"tavoite {verb}{number}{text}"), today=TODAY)
    except UserError:
        return
    assert isinstance(command, AddGoal | EditGoal | SetGoalStatus)
    if isinstance(command, AddGoal | EditGoal):
        assert 0 < len(command.text) <= 500 and command.text == command.text.strip()
