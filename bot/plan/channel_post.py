"""A plan item's own message in the team channel: posted once, then updated in place."""

from __future__ import annotations

import logging

from bot.context import Core
from bot.platform import PlatformError, PostKey
from bot.replies import Message

log = logging.getLogger(__name__)


async def post_or_update(
    core: Core, channel_id: str, message: Message, *, ts: str | None, key: PostKey
) -> str | None:
    """Update the message at `ts` (a failure is logged: the item itself has changed), or post
    it once under `key`; the new message's reference when it was posted."""
    if ts:
        try:
            await core.platform.update_message(channel_id, ts, message)
        except PlatformError as error:
            log.warning("%s message update failed: %s", key.kind, error.code)
        return None
    posted = await core.platform.post_once(channel_id, message, key=key)
    return posted.ref
