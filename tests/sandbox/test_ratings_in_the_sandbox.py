"""The self-rating in the sandbox: the coordinator (Sari) starts a round in #yleinen, five of
its six people answer with the buttons in their messages from Tiimi, and closing the round
shows Sari the results and the chart as an image on the page, and no one else."""

from __future__ import annotations

from handlers.sandbox.page.interaction import with_block_ids
from handlers.sandbox.people import GENERAL_CHANNEL, PEOPLE
from tests.sandbox.test_page_server import SARI, Page, page

__all__ = ["page"]  # the running sandbox and its page, as the page tests have it


async def test_a_round_in_the_general_channel_ends_with_the_chart_on_the_page(
    page: Page,
) -> None:
    slack = page.sandbox.slack
    general = slack.channel_by_name(GENERAL_CHANNEL)
    assert general is not None
    status, _ = await page.say(SARI, general.id, "/arvio uusi")
    assert status == 200

    def asked(user: str) -> list[object]:
        return [m for m in slack.messages.get(slack.direct_channel(user), []) if m.blocks]

    await slack.wait_for(lambda: all(asked(p.user_id) for p in PEOPLE))
    for person, score in zip(PEOPLE[:5], (2, 3, 3, 4, 5), strict=True):
        direct = slack.direct_channel(person.user_id)
        (question,) = [m for m in slack.messages[direct] if m.blocks]
        assert question.blocks is not None
        (actions,) = [b for b in with_block_ids(question.blocks) if b["type"] == "actions"]
        element = actions["elements"][score - 1]
        status, body = await page.post(
            "/action",
            user=person.user_id,
            surface="message",
            conversation=direct,
            ts=question.ts,
            block_id=actions["block_id"],
            action_id=element["action_id"],
            values=[],
        )
        assert status == 200, body
    status, _ = await page.say(SARI, general.id, "/arvio sulje")
    assert status == 200
    await slack.wait_for(lambda: any(f.completed for f in slack.files.values()))
    shown = (await page.state(SARI, slack.direct_channel(SARI)))["main"]
    assert '<img src="data:image/png;base64,' in shown and "Keskiarvo kierroksittain" in shown
    for person in PEOPLE[:5]:
        if person.user_id != SARI:
            seen = (await page.state(person.user_id, slack.direct_channel(person.user_id)))["main"]
            assert "<img" not in seen
