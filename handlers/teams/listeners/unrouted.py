"""What no other route takes: an invoke Tiimi has no use for (a message extension, a card
refresh it did not ask for) is answered 200 with nothing, not with the SDK's 501, which Teams
shows as an error; any other activity (a reaction, an edited message) is let be. Routing
everything also keeps the SDK from logging an unrouted activity with its text."""

from __future__ import annotations

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import AgentApplication, RouteRank, TurnContext, TurnState


async def answer_nothing(context: TurnContext, _: TurnState) -> None:
    await context.send_activity(
        Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=200))
    )


async def let_be(_: TurnContext, __: TurnState) -> None:
    return None


def register(app: AgentApplication[TurnState]) -> None:
    app.invoke()(answer_nothing)  # ranked last: every other invoke route comes first
    app.add_route(lambda _: True, let_be, rank=RouteRank.LAST)
