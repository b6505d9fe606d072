"""Routes: one Bolt listener per kind finds each module's listener by name, through a real Bolt
app with signed requests."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from handlers.slack.app import ProvideServices, SlackServices
from handlers.slack.route_table import RouteTable
from handlers.slack.routes import Routes, key_of
from handlers.slack.work import BackgroundWork
from tests.support.signing import signed_headers

SECRET = "routes0test0secret"


class Seen:
    """Listeners that record what they were called with."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def routes(self) -> Routes:
        routes = Routes()

        @routes.command("/tiimi")
        async def tiimi(command: dict[str, Any], context: AsyncBoltContext) -> None:
            self.calls.append(("tiimi", {"text": command["text"], "work": context["work"]}))

        @routes.command("/askel")
        async def askel(command: dict[str, Any]) -> None:
            self.calls.append(("askel", {"text": command["text"]}))

        @routes.action("step_done")
        async def step_done(action: dict[str, Any]) -> None:
            self.calls.append(("step_done", {"value": action["value"]}))

        @routes.action(re.compile(r"^plan_page:"))
        async def plan_page(action: dict[str, Any], body: dict[str, Any]) -> None:
            self.calls.append(("plan_page", {"id": action["action_id"], "user": body["user"]}))

        @routes.view("add_step")
        async def add_step(ack: AsyncAck, view: dict[str, Any]) -> None:
            await ack(response_action="errors", errors={"text": "Kirjoita askel."})
            self.calls.append(("add_step", {"callback_id": view["callback_id"]}))

        @routes.event("app_home_opened")
        async def home(event: dict[str, Any]) -> None:
            self.calls.append(("home", {"user": event["user"]}))

        return routes


def build(seen: Seen, work: BackgroundWork) -> AsyncApp:
    async def authorize(**_: Any) -> AuthorizeResult:
        return AuthorizeResult(enterprise_id=None, team_id="T0TEST", bot_token="xoxb-test")

    app = AsyncApp(signing_secret=SECRET, authorize=authorize, process_before_response=True)
    names = [field.name for field in dataclasses.fields(SlackServices)]
    no_services = SlackServices(**dict.fromkeys(names))  # only handed on to the context
    app.middleware(ProvideServices(no_services, work, responder=None))
    seen.routes().install(app)
    return app


async def send(app: AsyncApp, fields: dict[str, str] | None = None, **payload: Any) -> BoltResponse:
    if fields is not None:
        body = urlencode(fields)
        headers = signed_headers(SECRET, body)
    elif payload.get("type") == "event_callback":
        body = json.dumps(payload)
        headers = signed_headers(SECRET, body) | {"content-type": "application/json"}
    else:
        body = urlencode({"payload": json.dumps(payload)})
        headers = signed_headers(SECRET, body)
    return await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))


def command(name: str, text: str) -> dict[str, str]:
    return {"command": name, "text": text, "user_id": "UANNA", "team_id": "T0TEST"}


def button(action_id: str, value: str = "3") -> dict[str, Any]:
    return {
        "type": "block_actions",
        "team": {"id": "T0TEST"},
        "user": {"id": "UANNA"},
        "actions": [{"action_id": action_id, "block_id": "b", "value": value, "type": "button"}],
    }


@pytest.fixture
def work() -> BackgroundWork:
    return BackgroundWork(slots=4)


async def test_each_request_reaches_its_own_listener(work: BackgroundWork) -> None:
    seen = Seen()
    app = build(seen, work)
    answers = [
        await send(app, command("/askel", "lista")),
        await send(app, command("/tiimi", "ohje")),
        await send(app, **button("step_done", "7")),
        await send(app, **button("plan_page:2")),
        await send(
            app,
            type="event_callback",
            team_id="T0TEST",
            event_id="Ev1",
            event={"type": "app_home_opened", "user": "UBERT", "tab": "home"},
        ),
    ]
    await work.drain(grace_seconds=5)
    assert [a.status for a in answers] == [200] * 5
    assert seen.calls == [
        ("askel", {"text": "lista"}),
        ("tiimi", {"text": "ohje", "work": work}),
        ("step_done", {"value": "7"}),
        ("plan_page", {"id": "plan_page:2", "user": {"id": "UANNA"}}),
        ("home", {"user": "UBERT"}),
    ]


async def test_a_form_listener_chooses_its_answer(work: BackgroundWork) -> None:
    seen = Seen()
    answer = await send(
        build(seen, work),
        type="view_submission",
        team={"id": "T0TEST"},
        user={"id": "UANNA"},
        view={"type": "modal", "callback_id": "add_step", "state": {"values": {}}},
    )
    await work.drain(grace_seconds=5)
    assert answer.status == 200
    assert json.loads(answer.body) == {
        "response_action": "errors",
        "errors": {"text": "Kirjoita askel."},
    }
    assert seen.calls == [("add_step", {"callback_id": "add_step"})]


@pytest.mark.parametrize(
    "request_fields",
    [
        pytest.param({"payload": button("step_done_not")}, id="a longer action id"),
        pytest.param({"payload": button("xplan_page:2")}, id="a pattern not at the start"),
        pytest.param({"fields": command("/tiimix", "ohje")}, id="an unknown command"),
        pytest.param({"payload": button("step_done\n")}, id="a name and a newline"),
    ],
)
async def test_a_request_no_route_takes_is_unhandled(
    work: BackgroundWork, request_fields: dict[str, Any]
) -> None:
    seen = Seen()
    app = build(seen, work)
    if "fields" in request_fields:
        answer = await send(app, request_fields["fields"])
    else:
        answer = await send(app, **request_fields["payload"])
    await work.drain(grace_seconds=5)
    assert answer.status == 404  # Bolt's answer to an unhandled request
    assert seen.calls == []


async def listener(**_: Any) -> None:
    pass


def test_two_listeners_for_one_name_are_refused() -> None:
    routes = Routes()
    routes.action("step_done")(listener)
    with pytest.raises(ValueError, match="two listeners"):
        routes.action("step_done")(listener)


def test_a_pattern_with_flags_is_refused() -> None:
    with pytest.raises(ValueError, match="without their flags"):
        Routes().action(re.compile("^plan", re.IGNORECASE))(listener)


def test_find_prefers_a_name_to_a_pattern() -> None:
    routes = Routes()

    async def by_name(**_: Any) -> None:
        pass

    routes.action(re.compile(r"^step"))(listener)
    routes.action("step_done")(by_name)
    found = routes.find("action", "step_done")
    assert found is not None and found.__name__ == "by_name"
    other = routes.find("action", "step_move")
    assert other is not None and other.__name__ == "listener"
    assert routes.find("action", "close_team:1") is None
    assert routes.find("command", "step_done") is None


@pytest.mark.parametrize(
    ("kind", "body", "key"),
    [
        ("event", {"event": {"type": "app_home_opened"}}, "app_home_opened"),
        ("command", {"command": "/askel"}, "/askel"),
        ("action", {"actions": [{"action_id": "nudge_snooze:7"}]}, "nudge_snooze:7"),
        ("view", {"view": {"callback_id": "add_step"}}, "add_step"),
    ],
)
def test_key_of_each_kind(kind: Any, body: dict[str, Any], key: str) -> None:
    assert key_of(kind, body) == key


def test_the_route_table_takes_what_the_routes_find() -> None:
    routes = Seen().routes()
    table = RouteTable.from_json(routes.table().to_json())
    keys = [
        ("command", "/tiimi"),
        ("command", "/tiimi "),
        ("command", "/muu"),
        ("action", "step_done"),
        ("action", "plan_page:3"),
        ("action", "plan_page:"),
        ("action", "x_step_done"),
        ("event", "app_home_opened"),
        ("event", "message"),
        ("view", "add_step"),
        ("view", "open_team"),
    ]
    for kind, key in keys:
        assert table.takes(kind, key) is (routes.find(kind, key) is not None), (kind, key)
    assert table == routes.table()


@pytest.mark.parametrize("text", ["", "[]", '{"event": 1}', '{"command": {"names": []}}'])
def test_a_broken_route_table_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="route table"):
        RouteTable.from_json(text)
