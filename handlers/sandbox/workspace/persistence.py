"""Saving the simulated workspace to a JSON file and loading it back (format version 1)."""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from handlers.sandbox.workspace.state import (
    Channel,
    Ephemeral,
    Message,
    UploadedFile,
    User,
    Workspace,
)

FORMAT_VERSION = 1


class StateFileError(RuntimeError):
    """The state file cannot be read or is of another format version."""


def dump(ws: Workspace) -> dict[str, Any]:
    """Return everything a restart needs, as JSON-ready data."""
    return {
        "version": FORMAT_VERSION,
        "next_id": ws.next_id,
        "last_us": ws.last_us,
        "users": [asdict(user) for user in ws.users.values()],
        "usergroups": ws.usergroups,
        "channels": [
            {**asdict(channel), "members": sorted(channel.members)}
            for channel in ws.channels.values()
        ],
        "messages": {
            channel_id: [asdict(message) for message in messages]
            for channel_id, messages in ws.messages.items()
        },
        "ephemerals": [asdict(ephemeral) for ephemeral in ws.ephemerals],
        "views": ws.views,
        "home_views": ws.home_views,
        "files": [
            {
                **asdict(upload),
                "content": None
                if upload.content is None
                else base64.b64encode(upload.content).decode("ascii"),
            }
            for upload in ws.files.values()
        ],
    }


def load(ws: Workspace, data: dict[str, Any]) -> None:
    """Replace the workspace's state by `data` (from dump), keeping the same containers."""
    users = [User(**user) for user in data["users"]]
    channels = [Channel(**{**c, "members": set(c["members"])}) for c in data["channels"]]
    messages = {
        channel_id: [Message(**message) for message in listed]
        for channel_id, listed in data["messages"].items()
    }
    uploads = [
        UploadedFile(
            **{**f, "content": None if f["content"] is None else base64.b64decode(f["content"])}
        )
        for f in data["files"]
    ]
    ephemerals = [Ephemeral(**ephemeral) for ephemeral in data["ephemerals"]]
    usergroups, views, home_views = data["usergroups"], data["views"], data["home_views"]
    next_id, last_us = int(data["next_id"]), int(data["last_us"])
    ws.users.clear()
    ws.users.update((user.id, user) for user in users)
    ws.usergroups.clear()
    ws.usergroups.update(usergroups)
    ws.channels.clear()
    ws.channels.update((channel.id, channel) for channel in channels)
    ws.messages.clear()
    ws.messages.update(messages)
    ws.ephemerals[:] = ephemerals
    ws.views.clear()
    ws.views.update(views)
    ws.home_views.clear()
    ws.home_views.update(home_views)
    ws.files.clear()
    ws.files.update((upload.id, upload) for upload in uploads)
    ws.next_id, ws.last_us = next_id, last_us


def read(ws: Workspace, path: Path) -> None:
    """Load the workspace from a state file; StateFileError names the file when it cannot."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StateFileError(f"cannot read the workspace state file {path}: {exc}") from exc
    version = data.get("version") if isinstance(data, dict) else None
    if version != FORMAT_VERSION:
        raise StateFileError(
            f"the workspace state file {path} has format version {version!r}, not {FORMAT_VERSION}"
        )
    try:
        load(ws, data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StateFileError(f"the workspace state file {path} is damaged: {exc!r}") from exc


def write(ws: Workspace, path: Path) -> None:
    """Save the workspace atomically: a temporary file in the same folder, then os.replace."""
    text = json.dumps(dump(ws), ensure_ascii=False, sort_keys=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
