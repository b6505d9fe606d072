"""The /tiimi grammar: table tests and properties, on typed inputs (`{U1}`: the person U1)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.command_input import CommandInput, PersonRef
from bot.coordinators.commands import ListOpenTeams, parse_teams_page
from bot.errors import UserError
from bot.meetings.grammar import BookMeeting, CancelMeeting, MoveMeeting, ShowMeeting
from bot.teams.close_service import SERVICE_MAX
from bot.teams.commands import (
    AddMember,
    CloseTeam,
    ExportPlan,
    HandOver,
    ListMembers,
    OpenTeam,
    OpenTeamDialog,
    RemoveMember,
    ShowHelp,
    ShowPlan,
    parse_team_code,
    parse_tiimi,
    person_id,
)
from bot.teams.professions import SERVICES
from bot.teams.roles import Role, parse_role
from storage.models import CloseReason
from tests.support.typed import typed

MOVED = CloseReason.MOVED_TO_ONE_SERVICE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ShowHelp()),
        ("ohje", ShowHelp()),
        ("HJÄLP", ShowHelp()),
        ("help", ShowHelp()),
        ("kissa", ShowHelp(unknown=True)),
        ("uusi", OpenTeamDialog()),
        ("uusi {U1} {U2|bertta} {U1}", OpenTeam(("U1", "U2"))),
        ("new {W9}", OpenTeam(("W9",))),
        ("lisää {U1}", AddMember("U1", None)),
        ("lisaa {U1} sosiaaliohjaaja", AddMember("U1", "social_counsellor")),
        ("LISÄÄ {U1} Psykiatrinen Sairaanhoitaja", AddMember("U1", "psychiatric_nurse")),
        ("lägg till {U1} socialarbetare", AddMember("U1", "social_worker")),
        ("add {U1} Kela expert", AddMember("U1", "kela_expert")),
        ("lisää {U1} hammashoitaja", AddMember("U1", "dental_nurse")),
        ("lisää {U1} Varhaiskasvatuksen henkilöstö", AddMember("U1", "early_childhood_staff")),
        ("lisää {U1} henkilökohtainen valmentaja", AddMember("U1", "personal_coach")),
        (
            "lisää {U1} sosiaaliohjaaja Tampereen kaupunki",
            AddMember("U1", "social_counsellor", None, "Tampereen kaupunki"),
        ),
        (
            "lisää {U1} sosiaaliohjaaja, Tampereen kaupunki, perhekeskus",
            AddMember("U1", "social_counsellor", None, "Tampereen kaupunki, perhekeskus"),
        ),
        (
            "lisää {U1} psykiatrinen sairaanhoitaja Tays",
            AddMember("U1", "psychiatric_nurse", None, "Tays"),
        ),
        (
            "lisää {U1} sairaanhoitaja psykiatrinen osasto",
            AddMember("U1", "nurse", None, "psykiatrinen osasto"),
        ),
        ("lisää {U1} muu: perhetyöntekijä", AddMember("U1", "other", "perhetyöntekijä")),
        (
            "lisää {U1} MUU:perhe  työntekijä , Sininauha",
            AddMember("U1", "other", "perhe työntekijä", "Sininauha"),
        ),
        ("add {U1} other: family worker,", AddMember("U1", "other", "family worker")),
        ("uusi {U1} sosiaaliohjaaja", OpenTeam(("U1",), (("U1", Role("social_counsellor")),))),
        (
            "uusi {U1} sosiaaliohjaaja {U2} {U3} muu: valmentaja, Klubi",
            OpenTeam(
                ("U1", "U2", "U3"),
                (
                    ("U1", Role("social_counsellor")),
                    ("U3", Role("other", "valmentaja", "Klubi")),
                ),
            ),
        ),
        (
            "uusi {U1} fysioterapeutti Tays {U1} lääkäri",
            OpenTeam(("U1",), (("U1", Role("physiotherapist", None, "Tays")),)),
        ),
        ("poista {U2}", RemoveMember("U2")),
        ("ta bort {U2}", RemoveMember("U2")),
        ("vastuu {U3}", HandOver("U3")),
        ("jäsenet", ListMembers()),
        ("jasenet", ListMembers()),
        ("medlemmar", ListMembers()),
        ("sulje", CloseTeam(None)),
        ("sulje tavoitteet saavutettu", CloseTeam(CloseReason.GOALS_REACHED)),
        ("sulje Asiakkaan toive.", CloseTeam(CloseReason.CLIENT_WISH)),
        (
            "sulje siirtyi yhteen palveluun: sosiaaliohjaaja",
            CloseTeam(MOVED, service="social_counsellor"),
        ),
        ("sulje siirtyi: Socialhandledare.", CloseTeam(MOVED, service="social_counsellor")),
        (
            "sulje siirtyi yhteen palveluun: sosiaaliohjaus",
            CloseTeam(MOVED, service="sosiaaliohjaus"),
        ),
        (
            "sulje siirtyi:  aikuisten  sosiaalityö ",
            CloseTeam(MOVED, service="aikuisten sosiaalityö"),
        ),
        (
            "close moved to one service: Kela expert",
            CloseTeam(MOVED, service="kela_expert"),
        ),
        (
            "stäng MT-2026-0042 övergick till en tjänst: hemvård",
            CloseTeam(MOVED, "MT-2026-0042", "hemvård"),
        ),
        ("sulje muu", CloseTeam(CloseReason.OTHER)),
        ("stäng målen uppnådda", CloseTeam(CloseReason.GOALS_REACHED)),
        ("close other", CloseTeam(CloseReason.OTHER)),
        ("suunnitelma", ShowPlan()),
        ("suunnitelma MT-2026-0042", ShowPlan("MT-2026-0042")),
        ("planen mt-2026-0042", ShowPlan("MT-2026-0042")),
        ("vie", ExportPlan()),
        ("vie MT-2026-0042", ExportPlan("MT-2026-0042")),
        ("export mt-2026-0042", ExportPlan("MT-2026-0042")),
        ("vastuu MT-2026-0042 {U3|bertta}", HandOver("U3", code="MT-2026-0042")),
        ("sulje MT-2026-0042", CloseTeam(None, code="MT-2026-0042")),
        ("sulje MT-2026-0042 asiakkaan toive", CloseTeam(CloseReason.CLIENT_WISH, "MT-2026-0042")),
        ("stäng mt-2026-0042 annat", CloseTeam(CloseReason.OTHER, code="MT-2026-0042")),
        ("tapaaminen", ShowMeeting()),
        ("tapaamiset", ShowMeeting()),
        ("tapaaminen 12 joulukuuta klo 14", BookMeeting("12 joulukuuta klo 14")),
        ("tapaaminen peru", CancelMeeting()),
        ("tapaaminen peru 2", CancelMeeting(2)),
        ("möte avboka 12", CancelMeeting(12)),
        ("tapaaminen siirrä ti klo 10", MoveMeeting("ti klo 10")),
        ("tapaaminen siirrä 2 ti klo 10", MoveMeeting("ti klo 10", 2)),
        ("tapaaminen siirrä 12.12. klo 10", MoveMeeting("12.12. klo 10")),
        ("meeting move 1 14:00", MoveMeeting("14:00", 1)),
    ],
)
def test_parses(text: str, expected: object) -> None:
    assert parse_tiimi(typed(text)) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("uusi Matti Meikäläinen", "usage_open"),
        ("uusi {U1} ja muut", "usage_open"),
        ("lisää", "usage_add"),
        ("lisää Anna", "usage_add"),
        ("lisää {U1} poppamies", "unknown_profession"),
        ("lisää {U1} Tampereen kaupunki", "unknown_profession"),
        ("lisää {U1} muu:", "profession_other_invalid"),
        ("lisää {U1} muu: , Tays", "profession_other_invalid"),
        ("lisää {U1} muu: " + "x" * 61, "profession_other_invalid"),
        ("lisää {U1} lääkäri " + "x" * 101, "organisation_invalid"),
        ("uusi {U1} poppamies", "usage_open"),
        ("uusi sosiaaliohjaaja {U1}", "usage_open"),
        ("poista", "usage_remove"),
        ("poista {U1} {U2}", "usage_remove"),
        ("vastuu kaikille", "usage_hand_over"),
        ("sulje koska niin", "close_reason_unknown"),
        ("sulje MT-2026-0042 koska niin", "close_reason_unknown"),
        ("vastuu MT-2026-0042", "usage_hand_over"),
        ("vastuu MT-2026-0042 {U1} {U2}", "usage_hand_over"),
        ("vastuu {U1} MT-2026-0042", "usage_hand_over"),
        ("sulje siirtyi yhteen palveluun", "close_service_missing"),
        ("sulje siirtyi yhteen palveluun:", "close_service_missing"),
        ("sulje siirtyi: " + "x" * 61, "close_service_invalid"),
        ("sulje siirtyi: {U1}", "close_service_no_people"),
        ("sulje siirtyi yhteen palveluun: asiakas", "close_service_not_service"),
        ("sulje siirtyi: läheinen", "close_service_not_service"),
        ("sulje siirtyi: Omaishoitaja.", "close_service_not_service"),
        ("stäng övergick till en tjänst: stödperson", "close_service_not_service"),
        ("close moved to one service: peer supporter", "close_service_not_service"),
        ("sulje siirtyi: {U1} sosiaaliohjaaja", "close_service_no_people"),
        ("sulje muu: sosiaaliohjaaja", "close_service_only_moved"),
        ("sulje MT-2026-0042 asiakkaan toive: kotihoito", "close_service_only_moved"),
        ("sulje koska: kotihoito", "close_reason_unknown"),
        ("suunnitelma kaikki", "usage_plan"),
        ("suunnitelma MT-2026-0042 MT-2026-0043", "usage_plan"),
        ("vie kaikki", "usage_export"),
        ("vie MT-2026-0042 MT-2026-0043", "usage_export"),
        ("tapaaminen siirrä", "usage_meeting_move"),
        ("tapaaminen siirrä 2", "usage_meeting_move"),
        ("tapaaminen peru 2 heti", "usage_meeting_cancel"),
        ("tapaaminen peru huomenna", "usage_meeting_cancel"),
    ],
)
def test_refuses_misuse_with_a_catalog_key(text: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_tiimi(typed(text))
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("text", "user_id"),
    [("{U123}", "U123"), ("{W1AB|anna}", "W1AB"), ("@anna", None), ("({U1})", None)],
)
def test_a_word_is_a_person_only_when_it_is_one_reference(text: str, user_id: str | None) -> None:
    [word] = typed(text).words()
    assert person_id(word) == user_id


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("MT-2026-0042", "MT-2026-0042"),
        ("mt-2026-0042", "MT-2026-0042"),
        ("MT-2026-12345", "MT-2026-12345"),
        ("MT-26-0042", None),
        ("MT-2026-42", None),
        ("XMT-2026-0042", None),
        ("MT-2026-0042x", None),
        ("@U1", None),
    ],
)
def test_team_codes(token: str, code: str | None) -> None:
    assert parse_team_code(token) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("avoimet", ListOpenTeams()),
        ("avoimet myöhässä vanhat", ListOpenTeams(overdue=True, old=True)),
        ("avoimet ilman tapaamista vastuu {U7|anna}", ListOpenTeams(True, convenor_id="U7")),
        ("avoimet csv", ListOpenTeams(csv=True)),
    ],
)
def test_open_teams_filters_and_their_pages(text: str, expected: ListOpenTeams) -> None:
    command = parse_tiimi(typed(text))
    assert command == expected
    assert isinstance(command, ListOpenTeams)
    filters = command.filters_text()
    page = ListOpenTeams(
        expected.without_meeting, expected.overdue, expected.old, expected.convenor_id, page=3
    )
    assert parse_teams_page(f"3|{filters}") == (page, filters)


@pytest.mark.parametrize("text", ["avoimet vastuu anna", "avoimet kissa {U1}"])
def test_open_teams_refuses_what_it_does_not_know(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_tiimi(typed(text))
    assert raised.value.key == "usage_open_teams"


@given(st.text())
def test_parser_only_ever_raises_user_errors(text: str) -> None:
    with contextlib.suppress(UserError):
        parse_tiimi(CommandInput.of(text))


@given(st.lists(st.from_regex(r"U[A-Z0-9]{8}", fullmatch=True), min_size=1, max_size=120))
def test_open_keeps_every_mentioned_user_once_in_order(ids: list[str]) -> None:
    command = parse_tiimi(CommandInput.of("uusi", *(p for i in ids for p in (" ", PersonRef(i)))))
    assert command == OpenTeam(tuple(dict.fromkeys(ids)))


@given(st.text())
def test_a_role_is_none_or_keeps_its_organisation_within_bounds(text: str) -> None:
    with contextlib.suppress(UserError):
        role = parse_role(text)
        if role is not None and role.organisation is not None:
            assert 0 < len(role.organisation) <= 100
            assert role.organisation in " ".join(text.split())


@given(
    st.sampled_from(["sosiaaliohjaaja", "psykiatrinen sairaanhoitaja", "Kelan asiantuntija"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
)
def test_the_words_after_a_profession_are_its_organisation(profession: str, org: str) -> None:
    role = parse_role(f"{profession} {org}")
    assert role is not None
    assert role.organisation == (" ".join(org.split()).strip(" ,") or None)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=90))
def test_a_closing_service_is_a_profession_or_a_short_clean_label(text: str) -> None:
    with contextlib.suppress(UserError):
        command = parse_tiimi(CommandInput.of(f"sulje siirtyi yhteen palveluun: {text}"))
        assert isinstance(command, CloseTeam) and command.service is not None
        service = command.service
        assert service in SERVICES or (
            0 < len(service) <= SERVICE_MAX and service == service.strip() and "  " not in service
        )
