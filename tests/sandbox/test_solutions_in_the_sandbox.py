"""The Ratkaisupaja in the sandbox's staff channel, through the page: a Hukkapaja to its
results, the Ratkaisupaja opened from it, an experiment through its form with an owner picked
from the workspace's people, the page's clock bringing the review reminder once, the review
through the reminder's form, and the summary's flow image shown to the asker alone."""

from __future__ import annotations

from typing import Any

from handlers.sandbox.page.interaction import with_block_ids
from handlers.sandbox.people import STAFF_CHANNEL
from tests.sandbox.test_page_server import ANNA, MIKKO, PEKKA, Page, page

__all__ = ["page"]  # the running sandbox and its page, as the page tests have it


def bot_posts(page: Page, channel: str) -> list[Any]:
    slack = page.sandbox.slack
    return [m for m in slack.messages.get(channel, []) if m.user == slack.bot_user_id]


async def press(page: Page, user: str, channel: str, message: Any, action_id: str) -> None:
    """Press the first button of that id on the message, once it shows one."""
    await page.sandbox.slack.wait_for(
        lambda: f'"{action_id}"' in str(message.blocks).replace("'", '"')
    )
    for block in with_block_ids(message.blocks):
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element["action_id"] == action_id:
                status, _ = await page.post(
                    "/action",
                    user=user,
                    surface="message",
                    conversation=channel,
                    ts=message.ts,
                    block_id=block["block_id"],
                    action_id=action_id,
                    values=[],
                )
                assert status == 200
                return
    raise AssertionError(f"no {action_id} button")


async def form(
    page: Page, user: str, channel: str, message: Any, action_id: str, values: dict[str, Any]
) -> dict[str, Any]:
    """Open the form with the message's button and send it with these values."""
    slack = page.sandbox.slack
    opened = len(slack.views_opened)
    await press(page, user, channel, message, action_id)
    await slack.wait_for(lambda: len(slack.views_opened) > opened)
    view_id = slack.views_opened[-1]["view_id"]
    raw = [{"block_id": k, "action_id": k, "value": v} for k, v in values.items()]
    status, body = await page.post("/submit", user=user, view_id=view_id, values=raw)
    assert status == 200, body
    return body


async def test_a_ratkaisupaja_in_the_staff_channel_through_the_page(page: Page) -> None:
    slack = page.sandbox.slack
    staff = slack.channel_by_name(STAFF_CHANNEL)
    assert staff is not None
    channel = staff.id
    await page.say(ANNA, channel, "/paja hukka uusi Tiedonkulku")
    await slack.wait_for(lambda: bot_posts(page, channel))
    [hukka] = bot_posts(page, channel)
    note = {"text": "Lausunnot viipyvät"}
    assert (await form(page, MIKKO, channel, hukka, "workshop_note", note))["errors"] == {}
    await press(page, ANNA, channel, hukka, "workshop_phase:grouping")
    await page.say(ANNA, channel, "/paja teema Odottaminen: 1")
    await press(page, ANNA, channel, hukka, "workshop_phase:voting")
    await press(page, MIKKO, channel, hukka, "workshop_dot")
    await press(page, ANNA, channel, hukka, "workshop_phase:results")
    await slack.wait_for(lambda: "viedään eteenpäin" in str(hukka.blocks))

    await page.say(ANNA, channel, "/paja ratkaisu uusi")
    await slack.wait_for(lambda: len(bot_posts(page, channel)) == 2)
    card = bot_posts(page, channel)[1]
    given = {"what": "Yhteinen puhelinaika", "owners": [MIKKO], "review_date": "ensi perjantai"}
    assert (await form(page, MIKKO, channel, card, "solution_experiment", given))["errors"] == {}
    await slack.wait_for(lambda: "Yhteinen puhelinaika" in str(card.blocks))

    for _ in range(8):  # the page's clock, a day at a time, past the review day
        status, _ = await page.post("/clock", user=ANNA, step="day")
        assert status == 200
    reminders = [m for m in bot_posts(page, channel) if "arvioidaan kokeilu K1" in m.text]
    assert len(reminders) == 1
    review = {"outcome": "kept", "note": "Toimii"}
    sent = await form(page, MIKKO, channel, reminders[0], "solution_review", review)
    assert sent["errors"] == {}
    await slack.wait_for(lambda: "pidetään" in str(card.blocks))

    await page.say(PEKKA, channel, "/paja yhteenveto")
    await slack.wait_for(lambda: len([f for f in slack.files.values() if f.completed]) == 2)
    shown = (await page.state(PEKKA, slack.direct_channel(PEKKA)))["main"]
    assert '<img src="data:image/png;base64,' in shown and "Yhteinen puhelinaika" in shown
    seen = (await page.state(ANNA, slack.direct_channel(ANNA)))["main"]
    assert "<img" not in seen
