"""The client-feedback question as the sandbox page shows it in the closer's messages with
Tiimi, and the page's press of an answer sent to the real bot: the question becomes the
thank-you."""

from __future__ import annotations

from handlers.sandbox.conversations import direct_with_bot
from handlers.sandbox.page.blocks_html import render_blocks
from handlers.sandbox.page.interaction import action_payload, find_element
from tests.e2e.harness import RunningBot
from tests.sandbox.html_tree import parse

PEOPLE = {"UANNA": "Anna", "UBERT": "Bert"}


async def test_the_question_is_answered_on_the_page(bot: RunningBot) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.tiimi("sulje muu", channel=channel)
    direct = direct_with_bot(fake, "UANNA")  # the page's "Tiimi" conversation
    await fake.wait_for(lambda: fake.messages.get(direct))
    [question] = fake.messages[direct]
    page = parse(render_blocks(question.blocks, surface="message", people=PEOPLE, channels={}))
    assert "Sain apua, kun sitä tarvitsin" in page.text()
    pressed = list(page.find_all("button"))
    assert [b.text() for b in pressed] == ["1", "2", "3", "4", "5", "Ei kysytty"]

    [five] = [b for b in pressed if b.text() == "5"]
    block_id = five.attrs["data-block-id"] or ""
    element = find_element(question.blocks or [], block_id, five.attrs["data-action-id"] or "")
    assert element is not None
    action = action_payload(element, block_id, "", "1765000000.000300")
    await bot.sender.block_action(
        user_id="UANNA",
        action_id=action["action_id"],
        value=action.get("value"),
        channel_id=direct,
        message_ts=question.ts,
        block_id=block_id,
        action=action,
    )
    await fake.wait_for(lambda: question.updated)

    shown = parse(render_blocks(question.blocks, surface="message", people=PEOPLE, channels={}))
    assert "Asiakkaan vastaus on merkitty: 5 (täysin samaa mieltä)" in shown.text()
    assert shown.find_all("button") == []
