"""The channel guard's decisions with an in-memory platform: who may stay, what happens when
the platform refuses, and accounts checked when members are listed."""

from __future__ import annotations

from bot.context import Actor
from bot.platform import PlatformError
from bot.replies import Reply
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.models import AuditAction
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.teams import team_channel

ANNA = Actor("UANNA", "fi")


async def test_only_people_not_recorded_are_uninvited(tiimi: TiimiCommands) -> None:
    channel = await team_channel(tiimi)
    guard = ChannelGuard(tiimi.core)
    assert await guard.uninvited(channel_id=channel, user_id="UBERT", inviter_id=None) is None
    assert await guard.uninvited(channel_id="CELSE", user_id="UEVE", inviter_id=None) is None
    await tiimi.run(actor=ANNA, text=said("poista <@UBERT>"), channel_id=channel, request_key="-")
    team = await guard.uninvited(channel_id=channel, user_id="UBERT", inviter_id="UANNA")
    assert team is not None and team.channel_id == channel  # removed members are outsiders


async def test_a_refused_removal_asks_the_convenor_to_remove_them(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    channel = await team_channel(tiimi)
    platform.channels[channel].members.add("UEVE")
    guard = ChannelGuard(tiimi.core)
    team = await guard.uninvited(channel_id=channel, user_id="UEVE", inviter_id="UBERT")
    assert team is not None
    platform.fail("remove", PlatformError("restricted_action"))
    await guard.remove(team, user_id="UEVE", inviter_id="UBERT")
    [(to, message)] = platform.direct
    assert to == "UANNA" and "en voinut poistaa häntä" in message.text
    async with tiimi.core.database.session() as session:
        last = (await queries.audit_events(session, team_id=team.pk))[-1]
    assert (last.action, last.subject_id, last.detail) == (
        AuditAction.UNINVITED_REMOVED,
        "UEVE",
        "restricted_action",
    )


async def test_accounts_are_checked_when_members_are_listed(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    channel = await team_channel(tiimi)
    platform.deactivated.add("UBERT")
    _, members = await tiimi.members.listing(actor=ANNA, channel_id=channel)
    assert {m.user_id: m.deactivated_at is not None for m in members} == {
        "UANNA": False,
        "UBERT": True,
    }
    platform.deactivated.clear()
    platform.fail("users", PlatformError("ratelimited"))  # the stored state is shown
    _, members = await tiimi.members.listing(actor=ANNA, channel_id=channel)
    assert [m.user_id for m in members if m.deactivated_at] == ["UBERT"]
    _, members = await tiimi.members.listing(actor=ANNA, channel_id=channel)
    assert [m.user_id for m in members if m.deactivated_at] == []


async def test_a_failed_invitation_puts_a_former_members_row_back(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.run(actor=ANNA, text=said("poista <@UBERT>"), channel_id=channel, request_key="-")
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        before = await queries.get_member(session, team_id=team.pk, user_id="UBERT")
    assert before is not None and before.removed_at is not None
    platform.unknown_users.add("UBERT")  # the invitation fails
    reply = await tiimi.run(
        actor=ANNA, text=said("lisää <@UBERT> lääkäri"), channel_id=channel, request_key="-"
    )
    assert isinstance(reply, Reply) and "UBERT" in reply.message.text
    async with tiimi.core.database.session() as session:
        after = await queries.get_member(session, team_id=team.pk, user_id="UBERT")
    assert after is not None and after.model_dump() == before.model_dump()
