"""A stateful fake Slack Web API over real HTTP, for end-to-end tests."""

from tests.fake_slack.server import FakeSlack
from tests.fake_slack.state import Call, Channel, Message, User

__all__ = ["Call", "Channel", "FakeSlack", "Message", "User"]
