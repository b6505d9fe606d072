"""The page's payloads, sent signed to the real bot: a step added through the rendered form,
then moved with the rendered Siirrä button and the date form it opens."""

from __future__ import annotations

import json
from typing import Any

from handlers.sandbox.page.blocks_html import render_blocks, render_view
from handlers.sandbox.page.interaction import (
    Raw,
    action_payload,
    client_side_errors,
    find_element,
    state_values,
)
from tests.e2e.harness import RunningBot
from tests.sandbox.html_tree import Node, parse

PEOPLE = {"UANNA": "Anna", "UBERT": "Bert"}


def typed(page: Node, values: dict[str, Raw]) -> dict[tuple[str, str], Raw]:
    """What a browser sends for the rendered controls: {data-action-id: value} filled in."""
    raw: dict[tuple[str, str], Raw] = {}
    for control in page.find_all(lambda n: n.tag in ("select", "input", "textarea", "fieldset")):
        if "data-kind" in control.attrs:
            key = (control.attrs["data-block-id"] or "", control.attrs["data-action-id"] or "")
            raw[key] = values.get(key[1], "")
    return raw


def step_message(bot: RunningBot, channel: str) -> Any:
    return next(m for m in bot.fake.messages[channel] if m.text.startswith("Askel 1:"))


async def test_a_step_added_and_moved_through_the_page(bot: RunningBot) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")

    await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    page = parse(render_view(view, people=PEOPLE, channels={}))
    raw = typed(page, {"owner_user": [], "owner_role": ["1"], "due": "2026-12-04"})  # P1
    assert client_side_errors(view["blocks"], raw) == {"text": "Tämä kenttä on pakollinen."}
    raw[("text", "text")] = "Hae asumistukea & <muuta>"
    assert client_side_errors(view["blocks"], raw) == {}
    done = await bot.sender.view_submission(
        user_id="UBERT", view=view | {"id": "VS"}, values=state_values(view["blocks"], raw)
    )
    assert done.status == 200 and done.body == ""
    await fake.wait_for(lambda: any(m.text.startswith("Askel 1:") for m in fake.messages[channel]))
    posted = step_message(bot, channel)
    shown = parse(render_blocks(posted.blocks, surface="message", people=PEOPLE, channels={}))
    assert "Hae asumistukea & <muuta> · Asiakas · pe 4.12.2026" in shown.text()

    move = next(b for b in shown.find_all("button") if b.text() == "Siirrä")
    block_id = move.attrs["data-block-id"] or ""
    element = find_element(posted.blocks, block_id, move.attrs["data-action-id"] or "")
    assert element is not None
    action = action_payload(element, block_id, "", "1765000000.000200")
    await bot.sender.block_action(
        user_id="UBERT",
        action_id=action["action_id"],
        value=action.get("value"),
        channel_id=channel,
        message_ts=posted.ts,
        block_id=block_id,
        action=action,
    )
    await fake.wait_for(lambda: len(fake.views_opened) == 2)
    form = fake.views_opened[-1]["view"]
    date_field = parse(render_view(form, people=PEOPLE, channels={})).by_data(kind="datepicker")
    raw = typed(date_field, {date_field.attrs["data-action-id"] or "": "2026-12-11"})
    moved = await bot.sender.view_submission(
        user_id="UBERT", view=form | {"id": "VMOVE"}, values=state_values(form["blocks"], raw)
    )
    assert moved.status == 200 and moved.body == ""
    await fake.wait_for(lambda: fake.calls_to("chat.update"))
    blocks = json.dumps(step_message(bot, channel).blocks, ensure_ascii=False)
    assert "pe 11.12.2026" in blocks
