"""The participants' grammar (`/tiimi osallistuja …`) and the owners of steps (`/askel`):
table tests and properties, on typed inputs (`{U1}`: the person U1)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answers import guard_input
from bot.errors import UserError
from bot.plan.commands import AddStep, EditStep, Owner, SetOwners, parse_askel
from bot.teams.commands import parse_tiimi
from bot.teams.participant_commands import AddParticipant, RemoveParticipant, SetContact
from tests.support.typed import typed

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("osallistuja lisää läheinen", AddParticipant("close_person")),
        (
            "osallistuja lisää järjestötoimija Sininauhasäätiö",
            AddParticipant("ngo_worker", "Sininauhasäätiö"),
        ),
        (
            "osallistuja lisää ammattilainen Kela yhteys {UB}",
            AddParticipant("other_professional", "Kela", "UB"),
        ),
        (
            "osallistujat lisää muun organisaation ammattilainen, Tampereen kaupunki",
            AddParticipant("other_professional", "Tampereen kaupunki"),
        ),
        ("deltagare lägg till närstående kontakt {UB}", AddParticipant("close_person", None, "UB")),
        ("participant add NGO worker Blue Ribbon", AddParticipant("ngo_worker", "Blue Ribbon")),
        ("osallistuja poista P2", RemoveParticipant(2)),
        ("osallistuja poista 3", RemoveParticipant(3)),
        ("deltagare ta bort p2", RemoveParticipant(2)),
        ("participant remove P12", RemoveParticipant(12)),
        ("osallistuja yhteys P2 {UC}", SetContact(2, "UC")),
        ("deltagare kontakt P2 {UC}", SetContact(2, "UC")),
        ("participant contact 2 {UC}", SetContact(2, "UC")),
    ],
)
def test_participant_commands(text: str, expected: object) -> None:
    assert parse_tiimi(typed(text)) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("osallistuja", "usage_participant"),
        ("osallistuja lisää", "usage_participant"),
        ("osallistuja lisää {UB}", "usage_participant"),
        ("osallistuja lisää Matti Meikäläinen", "unknown_participant_role"),
        ("osallistuja lisää muu: naapuri", "unknown_participant_role"),
        ("osallistuja lisää asiakas", "client_is_participant"),
        ("osallistuja poista", "usage_participant"),
        ("osallistuja poista läheinen", "usage_participant"),
        ("osallistuja poista P2 P3", "usage_participant"),
        ("osallistuja yhteys P2", "usage_participant"),
        ("osallistuja lisää läheinen " + "o" * 101, "organisation_invalid"),
    ],
)
def test_participant_commands_misused(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_tiimi(typed(text))
    assert raised.value.key == key


# `{…}` is how `typed` writes a mention, so the text leaves braces out
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="{}"),
        max_size=120,
    )
)
def test_the_organisation_is_the_free_text_after_the_role(org: str) -> None:
    """Within its bounds, the organisation is kept as typed (spaces evened); never a crash."""
    with contextlib.suppress(UserError):
        command = parse_tiimi(typed(f"osallistuja lisää järjestötoimija {org}"))
        assert isinstance(command, AddParticipant)
        if command.organisation is not None:
            assert 0 < len(command.organisation) <= 100
            assert command.organisation in " ".join(org.split())


@given(st.text(max_size=40), st.text(max_size=40))
def test_an_identity_code_in_the_organisation_is_refused(before: str, after: str) -> None:
    command = typed(f"osallistuja lisää läheinen {before} 131052-308T {after}")
    with pytest.raises(UserError):
        guard_input(command)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soita Kelaan {UA} {UB} pe mennessä",
            AddStep("Soita Kelaan", Owner(("UA", "UB")), date(2026, 12, 11), None),
        ),
        (
            "Soita {UA} vastuu: asiakas, P3",
            AddStep("Soita", Owner(("UA",), ("client",), (3,)), None, None),
        ),
        (
            "Soita vastuu: asiakas ja läheinen",
            AddStep("Soita", Owner((), ("client", "close_person")), None, None),
        ),
        ("vastuu 3 {UC}", SetOwners(3, Owner(("UC",)))),
        ("vastuu 3 {UC} {UA}", SetOwners(3, Owner(("UC", "UA")))),
        ("vastuu 3 asiakas", SetOwners(3, Owner((), ("client",)))),
        ("ansvar 3 klient, P2", SetOwners(3, Owner((), ("client",), (2,)))),
        ("owner 3 {UC} close person", SetOwners(3, Owner(("UC",), ("close_person",)))),
        ("muokkaa 3 Soita {UC} huomenna", EditStep(3, "Soita @UC huomenna")),
    ],
)
def test_owners_of_steps(text: str, expected: object) -> None:
    assert parse_askel(typed(text), today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("vastuu 3", "usage_step_owners"),
        ("vastuu {UC}", "usage_step_owners"),
        ("vastuu 3 naapuri", "unknown_owner_role"),
        ("muokkaa 3 Soita Kelaan {UC}", "edit_owner_hint"),
    ],
)
def test_owners_of_steps_misused(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_askel(typed(text), today=TODAY)
    assert raised.value.key == key
