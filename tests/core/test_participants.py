"""Participants without a chat account: audited by number and role, their contact falls back
to the convenor when the chosen one leaves, a role owner becomes the team's participant of
that role, and a step's reminder reaches each member owner and each participant's contact."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.context import Actor
from bot.home.service import HomeService
from bot.i18n import Catalog
from bot.plan.owners import StepOwners
from bot.replies import Person, Reply
from bot.teams import messages as team_messages
from bot.teams.dispatch import TiimiCommands
from storage import participant_queries, queries
from storage.models import AuditAction, Participant, Step, StepOwner, Team
from storage.retention_queries import Counts
from tests.support.said import said
from tests.support.shown import block_texts, runs_shown
from tests.support.teams import team_channel

ANNA, BERT = Actor("UANNA", "fi"), Actor("UBERT", "fi")
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def text_of(reply: object) -> str:
    assert isinstance(reply, Reply)
    return reply.message.text


async def _participants(tiimi: TiimiCommands, channel: str) -> list[Participant]:
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        return list(await participant_queries.participants_of(session, team_id=team.pk))


async def test_added_removed_audited_and_the_contact_falls_back(tiimi: TiimiCommands) -> None:
    channel = await team_channel(tiimi)

    async def run(text: str, actor: Actor = ANNA) -> str:
        return text_of(
            await tiimi.run(actor=actor, text=said(text), channel_id=channel, request_key=text)
        )

    assert "P2 Läheinen" in await run("osallistuja lisää läheinen yhteys <@UBERT>")
    assert "P3 Järjestötyöntekijä (Sininauha)" in await run(
        "osallistuja lisää järjestötoimija Sininauha", BERT
    )
    assert "ei ole tiimin jäsen" in await run("osallistuja yhteys P3 <@UCARL>")
    [client, close, ngo] = await _participants(tiimi, channel)
    assert (client.role, close.contact_user_id, ngo.contact_user_id) == ("client", "UBERT", None)

    await run("poista <@UBERT>")  # the contact left: the convenor is the contact again
    assert [p.contact_user_id for p in await _participants(tiimi, channel)] == [None] * 3
    await run("osallistuja poista P3")
    assert [p.number for p in await _participants(tiimi, channel)] == [1, 2]

    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        events = await queries.audit_events(session, team_id=team.pk)
    audited = [
        (e.action, e.actor_id, e.subject_id, e.detail)
        for e in events
        if e.action.startswith("participant")
    ]
    assert audited == [
        (AuditAction.PARTICIPANT_ADDED, "UANNA", "P2", "close_person"),
        (AuditAction.PARTICIPANT_ADDED, "UBERT", "P3", "ngo_worker"),
        (AuditAction.PARTICIPANT_REMOVED, "UANNA", "P3", "ngo_worker"),
    ]


async def test_a_role_owner_is_the_teams_participant_of_that_role(tiimi: TiimiCommands) -> None:
    channel = await team_channel(tiimi)
    for text in ("Soita vastuu: asiakas", "Hae vastuu: läheinen", "Käy vastuu: läheinen"):
        await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel)
    participants = await _participants(tiimi, channel)
    assert [(p.number, p.role) for p in participants] == [(1, "client"), (2, "close_person")]
    async with tiimi.core.database.session() as session:
        owners = await participant_queries.owners_of(session, step_ids=[1, 2, 3])
    ids = {p.id: p.number for p in participants}
    assert [ids[o.participant_id or 0] for o in owners] == [1, 2, 2]


async def test_a_removed_participants_open_steps_need_a_new_owner_at_home(
    tiimi: TiimiCommands,
) -> None:
    channel = await team_channel(tiimi)
    add = said("osallistuja lisää järjestötoimija Sininauha")
    await tiimi.run(actor=ANNA, text=add, channel_id=channel, request_key="-")
    for text in ("Soita vastuu: P2", "Hae vastuu: P2 <@UBERT>", "Käy vastuu: asiakas"):
        await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("valmis 2"), channel_id=channel)
    home = HomeService(tiimi.core, tiimi.coordinators)
    header = "Askeleet, jotka tarvitsevat uuden vastuutahon"
    assert header not in block_texts(await home.home(BERT))

    remove = said("osallistuja poista P2")
    await tiimi.run(actor=ANNA, text=remove, channel_id=channel, request_key="--")

    for actor in (ANNA, BERT):  # every member, as for a member who left
        shown = block_texts(await home.home(actor))
        orphans = shown[shown.index(header) + 1]
        # step 2 is done, step 3's owner (the client) is still in the team
        assert orphans == "*MT-2026-0001* · *1.* Soita · Järjestötyöntekijä (Sininauha)"


def test_the_reminded_are_member_owners_and_participants_contacts() -> None:
    step = Step(id=1, team_id=1, number=1, text="x", created_by="U1", created_at=NOW)
    chosen = Participant(
        id=1,
        team_id=1,
        number=2,
        role="close_person",
        contact_user_id="UB",
        added_by="U1",
        added_at=NOW,
    )
    client = Participant(id=2, team_id=1, number=1, role="client", added_by="U1", added_at=NOW)
    gone = Participant(
        id=3, team_id=1, number=3, role="ngo_worker", added_by="U1", added_at=NOW, removed_at=NOW
    )
    rows = [
        StepOwner(step_id=1, user_id="UA"),
        StepOwner(step_id=1, participant_id=1),
        StepOwner(step_id=1, participant_id=2),
        StepOwner(step_id=1, participant_id=3),
    ]
    owners = StepOwners.of(rows, [chosen, client, gone], "UCONV")
    t = Catalog("fi")
    reminded = [
        run.user_id for run in owners.runs(t, step, contacts=True) if isinstance(run, Person)
    ]
    assert reminded == ["UA", "UCONV", "UB"]  # by number; not the removed participant's contact
    assert owners.needs_new_owner(step, {"UA"})  # a participant owner was removed
    assert runs_shown(StepOwners().runs(t, step, contacts=True)) == "vastuu sopimatta"


def test_the_closing_summary_counts_the_participants() -> None:
    team = Team(
        id=1,
        code="MT-2026-0001",
        year=2026,
        number=1,
        state="closed",
        convenor_id="UA",
        opened_by="UA",
        consent_confirmed_by="UA",
        consent_confirmed_at=NOW,
        created_at=NOW,
        closed_at=NOW,
        close_reason="other",
    )
    message = team_messages.closing_summary(
        Catalog("fi"),
        team=team,
        counts=Counts(2, 3, 1, 1, participants=2),
        tz=UTC,
        retention_days=30,
    )
    assert any("*Osallistujia ilman Slack-tunnusta:* 2" in text for text in block_texts(message))
