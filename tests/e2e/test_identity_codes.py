"""End to end: identity codes in disguise are refused; nothing of them reaches Slack or the
database."""

from __future__ import annotations

from sqlalchemy import text as sql

from bot.privacy import contains_identity_code
from storage.db import Database, run_select
from tests.e2e.harness import RunningBot

# 131052-308T with the century sign on a new line (typed in the multi-line step form), and
# with Arabic-Indic digits, a Cyrillic check letter and a zero-width joiner (a slash command).
IN_THE_FORM = "Soita Kelaan, asiakkaan hetu 131052-\n308T"
IN_THE_COMMAND = "tavoite Asunto, hetu \u0661\u0663\u0661\u0660\u0665\u0662-308\u200d\u0422"


async def stored_texts(database_url: str) -> list[str]:
    database = Database(database_url)
    try:
        async with database.session() as session:
            rows = await run_select(
                session, sql("SELECT text FROM step UNION ALL SELECT text FROM goal")
            )
        return [row[0] for row in rows]
    finally:
        await database.dispose()


async def test_disguised_codes_in_the_step_form_and_a_command_are_refused(
    bot: RunningBot, database_url: str
) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    posted_before = len(fake.calls_to("chat.postMessage"))

    sent = await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    assert sent.status == 200
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    values = {
        "text": {"text": {"type": "plain_text_input", "value": IN_THE_FORM}},
        "owner_user": {"owner_user": {"type": "users_select", "selected_user": None}},
        "owner_role": {"owner_role": {"type": "static_select", "selected_option": None}},
        "due": {"due": {"type": "datepicker", "selected_date": None}},
    }
    refused = await bot.sender.view_submission(
        user_id="UBERT", view=view | {"id": "VS"}, values=values
    )
    assert refused.status == 200
    answer = refused.json()
    assert answer["response_action"] == "errors"
    assert "henkilötunnus" in answer["errors"]["text"]
    assert not contains_identity_code(refused.body)

    command_answer = await bot.askel(IN_THE_COMMAND, channel=channel)
    assert "henkilötunnukselta" in command_answer or "henkilötunnus" in command_answer

    assert len(fake.calls_to("chat.postMessage")) == posted_before  # nothing was posted
    traffic = fake.raw_traffic()
    assert not contains_identity_code(traffic)
    # the codes' parts as typed, as JSON escapes them too; not a bare "308" (message ts, ports)
    for part in ("131052", "308T", "308\u200d", "\u0661\u0663\u0661", "\\u0661\\u0663"):
        assert part not in traffic, part
    assert await stored_texts(database_url) == []
