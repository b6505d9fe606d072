"""auth.test, users.info, usergroups.users.list and the external file upload methods."""

from __future__ import annotations

from typing import Any

from handlers.sandbox.workspace.common import ApiRequest, Handler, get_channel
from handlers.sandbox.workspace.state import Message, UploadedFile, Workspace


def auth_test(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """auth.test for the bot token."""
    return {
        "url": "https://tiimi-test.slack.com/",
        "team": "Tiimi Test",
        "user": "tiimi",
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


def users_info(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """users.info (locale only with include_locale)."""
    user = ws.users.get(req.req_str("user"))
    if user is None:
        raise req.error("user_not_found")
    return {"user": user.to_api(ws.team_id, include_locale=req.get_bool("include_locale"))}


def usergroup_users(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """usergroups.users.list."""
    members = ws.usergroups.get(req.req_str("usergroup"))
    if members is None:
        raise req.error("no_such_subteam")
    return {"users": list(members)}


def get_upload_url(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """files.getUploadURLExternal: hand out an upload URL served by the fake."""
    filename = req.req_str("filename")
    length = req.get_int("length", -1)
    if not filename or length is None or length < 0:
        raise req.error("invalid_arguments", messages=["[ERROR] invalid filename or length"])
    file_id = ws.new_id("F")
    ws.files[file_id] = UploadedFile(file_id, filename, length, alt_txt=req.get_str("alt_txt"))
    return {"upload_url": f"{ws.root_url}upload/{file_id}", "file_id": file_id}


def complete_upload(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """files.completeUploadExternal: share uploaded files to a channel."""
    entries = req.get_json("files", lambda: req.error("invalid_arguments"))
    if not isinstance(entries, list) or not entries:
        raise req.error("invalid_arguments", messages=["[ERROR] files must be a non-empty list"])
    uploads: list[UploadedFile] = []
    for entry in entries:
        upload = ws.files.get(str(entry.get("id"))) if isinstance(entry, dict) else None
        if upload is None or upload.content is None:
            raise req.error("file_not_found")
        upload.title = entry.get("title") or upload.filename
        uploads.append(upload)
    targets = req.get_csv("channels") or req.get_csv("channel_id")
    channels = [get_channel(ws, req, cid, writable=True) for cid in targets]
    for channel in channels:
        message = Message(
            ts=ws.next_ts(),
            channel=channel.id,
            user=ws.bot_user_id,
            text=req.get_str("initial_comment") or "",
            thread_ts=req.get_str("thread_ts"),
            files=[u.id for u in uploads],
        )
        ws.messages.setdefault(channel.id, []).append(message)
    for upload in uploads:
        upload.completed = True
        upload.channels.extend(c.id for c in channels)
    return {
        "files": [
            {
                "id": u.id,
                "name": u.filename,
                "title": u.title,
                "size": len(u.content or b""),
                "channels": list(u.channels),
            }
            for u in uploads
        ]
    }


def connections_open(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """Socket Mode: the URL of the fake's WebSocket (the app token was checked)."""
    return {"url": ws.root_url.replace("http://", "ws://", 1) + "socket-mode"}


HANDLERS: dict[str, Handler] = {
    "apps.connections.open": connections_open,
    "auth.test": auth_test,
    "users.info": users_info,
    "usergroups.users.list": usergroup_users,
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
}
