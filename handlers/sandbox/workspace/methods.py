"""The Web API methods the simulator serves."""

from __future__ import annotations

from handlers.sandbox.workspace import (
    methods_chat,
    methods_conversations,
    methods_misc,
    methods_views,
)
from handlers.sandbox.workspace.common import Handler

HANDLERS: dict[str, Handler] = {
    **methods_conversations.HANDLERS,
    **methods_chat.HANDLERS,
    **methods_views.HANDLERS,
    **methods_misc.HANDLERS,
}

# Methods that only read: a successful call of any other method changes the workspace.
READ_ONLY = frozenset(
    {
        "apps.connections.open",
        "auth.test",
        "conversations.history",
        "conversations.info",
        "conversations.list",
        "conversations.members",
        "usergroups.users.list",
        "users.info",
    }
)
