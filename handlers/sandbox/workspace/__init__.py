"""A stateful fake Slack Web API over real HTTP, for end-to-end tests."""

from handlers.sandbox.workspace.server import SimulatedSlack
from handlers.sandbox.workspace.state import Call, Channel, Ephemeral, Message, User

__all__ = ["Call", "Channel", "Ephemeral", "Message", "SimulatedSlack", "User"]
