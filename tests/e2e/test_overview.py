"""End to end: coordinators' list and CSV, the Home tab's Tehty button, audit and purge; the
help in the user's language listing every command; a count of one in the singular."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import RunningBot, running_bot
from tests.e2e.test_process import clean_env, run_bot
from tests.support.clock import FakeClock


async def test_coordinator_list_csv_and_home(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_usergroup("SCOORD", ["UCOORD"])
    async with running_bot(fake_slack, database_url, clock, COORDINATOR_USERGROUP="SCOORD") as bot:
        await bot.tiimi("uusi <@UBERT>")
        channel = bot.channel_named("mt-2026-0001")
        await bot.askel("Salainen askel <@UBERT> huomenna mennessä", channel=channel)
        listing = await bot.tiimi("avoimet", user="UCOORD", channel="DCOORD")
        assert listing.startswith("Avoimet tiimit (1)")
        sent = await bot.sender.command("/tiimi", "avoimet", user_id="UCOORD", channel_id="D")
        await bot.answer(sent)
        blocks = json.dumps(
            fake_slack.responses(sent.response_url)[0]["blocks"], ensure_ascii=False
        )
        assert "MT-2026-0001" in blocks and "Salainen" not in blocks

        answer = await bot.tiimi("avoimet csv", user="UCOORD", channel="DCOORD")
        assert "(1 tiimi)" in answer
        [upload] = [f for f in fake_slack.files.values() if f.content]
        rows = list(csv.DictReader(io.StringIO(upload.content.decode())))
        assert [r["code"] for r in rows] == ["MT-2026-0001"] and rows[0]["open_steps"] == "1"

        event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
        await bot.sender.event(event)
        await fake_slack.wait_for(lambda: "UBERT" in fake_slack.home_views)
        home = fake_slack.home_views["UBERT"]
        button = next(e for b in home["blocks"] if b["type"] == "actions" for e in b["elements"])
        assert button["action_id"] == "home_step_done"
        view = {"id": "VHOME", "type": "home", "blocks": home["blocks"]}
        await bot.sender.block_action(
            user_id="UBERT", action_id="home_step_done", value=button["value"], view=view
        )
        await fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.publish")) == 2)
        refreshed = json.dumps(fake_slack.home_views["UBERT"], ensure_ascii=False)
        assert "Sinulla ei ole avoimia askeleita" in refreshed
        assert fake_slack.calls_to("chat.update")  # the step's channel message followed


async def test_help_shows_coordinators_their_commands_and_no_one_else(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_usergroup("SCOORD", ["UCOORD"])
    async with running_bot(fake_slack, database_url, clock, COORDINATOR_USERGROUP="SCOORD") as bot:
        helps = {}
        for user in ("UCOORD", "UBERT"):
            sent = await bot.sender.command("/tiimi", "ohje", user_id=user, channel_id="D")
            await bot.answer(sent)
            blocks = fake_slack.responses(sent.response_url)[-1]["blocks"]
            helps[user] = json.dumps(blocks, ensure_ascii=False)
        for shown in helps.values():
            assert "/tiimi vie MT-2026-0042" in shown and "/askel valmis 3" in shown
        assert "Koordinaattorille" in helps["UCOORD"] and "/tiimi tilastot" in helps["UCOORD"]
        assert "Koordinaattorille" not in helps["UBERT"] and "tilastot" not in helps["UBERT"]


async def test_audit_and_purge_commands(tmp_path: Path) -> None:
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'audit.db'}", LOG_LEVEL="WARNING")
    code, output = await run_bot("purge", env=env, cwd=tmp_path)
    assert code == 0, output
    code, output = await run_bot("audit", "--since", "1.1.2026", env=env, cwd=tmp_path)
    assert code == 0 and output.splitlines()[0] == "time,actor,team,action,subject,detail"
    code, output = await run_bot("audit", "--since", "huomenna", env=env, cwd=tmp_path)
    assert code != 0 and "--since" in output


async def help_blocks(bot: RunningBot, user: str) -> str:
    sent = await bot.sender.command("/tiimi", "ohje", user_id=user, channel_id=f"D{user[1:]}")
    await bot.answer(sent)
    assert sent.response_url is not None
    blocks = bot.fake.responses(sent.response_url)[-1]["blocks"]
    return json.dumps(blocks, ensure_ascii=False)


async def test_help_lists_every_command_in_the_users_language(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UKOORD", name="koordinator", locale="sv-SE")
    fake_slack.add_usergroup("SCOORD", ["UKOORD"])
    async with running_bot(fake_slack, database_url, clock, COORDINATOR_USERGROUP="SCOORD") as bot:
        finnish = await help_blocks(bot, "UBERT")
        for command in (
            *(f"`/tiimi {word}" for word in ("uusi", "lisää", "poista", "jäsenet")),
            *(f"`/tiimi {word}" for word in ("osallistuja lisää", "osallistuja poista")),
            *(f"`/tiimi {word}" for word in ("osallistuja yhteys", "suunnitelma", "vie")),
            *(f"`/tiimi {word}" for word in ("tapaaminen", "vastuu", "sulje", "avoimet")),
            "`/tiimi tapaaminen siirrä",
            "`/tiimi tapaaminen peru",
            "`/tiimi suunnitelma MT-",
            "`/tiimi vie MT-",
            "`/tiimi ohje`",
            *(f"`/askel {word}" for word in ("tavoite", "tavoite muokkaa", "tavoite saavutettu")),
            *(f"`/askel {word}" for word in ("tavoite ei", "tavoite avaa", "tavoite poista")),
            *(f"`/askel {word}" for word in ("lista", "kaikki", "vastuu", "valmis", "ei")),
            *(f"`/askel {word}" for word in ("siirrä", "muokkaa", "poista", "ohje")),
            "`/askel` – avaa lomakkeen",
        ):
            assert command in finnish, command
        assert "tilastot" not in finnish

        swedish = await help_blocks(bot, "UDORA")
        assert "Tiimi – hjälp för Mitt team" in swedish
        for command in (
            "`/tiimi ny @Anna",
            "`/tiimi lägg till @Anna socialhandledare",
            "`/tiimi ta bort @Anna`",
            "`/tiimi medlemmar`",
            "`/tiimi deltagare lägg till organisationsanställd",
            "`/tiimi planen`",
            "`/tiimi exportera`",
            "`/tiimi möte fr 11.12. kl. 14",
            "`/tiimi möte flytta 2",
            "`/tiimi möte avboka 2`",
            "`/tiimi ansvar @Bertta`",
            "`/tiimi stäng målen uppnådda`",
            "`/tiimi hjälp`",
            "`/askel hjälp`",
        ):
            assert command in swedish, command
        assert "`/tiimi uusi" not in swedish and "`/tiimi statistik" not in swedish
        coordinator = await help_blocks(bot, "UKOORD")
        assert "För koordinatorer" in coordinator and "`/tiimi statistik`" in coordinator

        # the Swedish words work as the help shows them
        answer = await bot.tiimi("ny <@UBERT>", user="UDORA", channel="DDORA")
        assert answer.startswith("Teamet *MT-2026-0001*"), answer
        channel = bot.channel_named("mt-2026-0001")
        assert "<@UBERT>" in await bot.tiimi("medlemmar", user="UDORA", channel=channel)


async def test_counts_of_one_read_in_the_singular(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_user("UKOORD", name="koordinator", locale="sv-SE")
    fake_slack.add_usergroup("SCOORD", ["UCOORD", "UKOORD"])
    async with running_bot(fake_slack, database_url, clock, COORDINATOR_USERGROUP="SCOORD") as bot:
        await bot.tiimi("uusi <@UBERT>")
        await bot.tiimi("uusi <@UBERT>")
        removed = await bot.tiimi("poista <@UBERT>", channel=bot.channel_named("mt-2026-0002"))
        assert "UBERT" in removed
        shown = {}
        for user in ("UCOORD", "UKOORD"):
            sent = await bot.sender.command("/tiimi", "avoimet", user_id=user, channel_id="D")
            await bot.answer(sent)
            assert sent.response_url is not None
            blocks = fake_slack.responses(sent.response_url)[-1]["blocks"]
            shown[user] = json.dumps(blocks, ensure_ascii=False)
        assert "1 jäsen" in shown["UCOORD"] and "2 jäsentä" in shown["UCOORD"]
        assert "1 jäsentä" not in shown["UCOORD"]
        assert "1 medlem" in shown["UKOORD"] and "2 medlemmar" in shown["UKOORD"]
        assert "1 medlemmar" not in shown["UKOORD"]
