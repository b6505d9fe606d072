"""The page's parts as HTML, rendered on the server: the sidebar, the open conversation (or the
App Home tab) and the topmost form. Every text from the workspace is escaped."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from bot.dates import format_datetime
from handlers.sandbox.conversations import Conversation, Entry, real_name, timeline
from handlers.sandbox.page.blocks_html import render_blocks, render_view
from handlers.sandbox.page.mrkdwn_html import mrkdwn_to_html
from handlers.sandbox.workspace import SimulatedSlack

HOME = "home"  # the conversation id the page uses for the App Home tab
_LOCK = (  # a padlock drawn inline: emoji fonts are not on every machine
    '<svg class="lock" viewBox="0 0 16 16" width="12" height="12"><rect x="3" y="7" '
    'width="10" height="8" rx="1"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" '
    'stroke="currentColor" stroke-width="2"/></svg>'
)
_ICONS = {"channel": "#", "private": _LOCK, "direct": "●"}


def sidebar(conversations: list[Conversation], *, bot_direct: str, current: str) -> str:
    """The viewer's sidebar: the app (Home and Messages), channels, direct messages."""

    def item(conversation_id: str, icon: str, label: str) -> str:
        selected = ' aria-current="page"' if conversation_id == current else ""
        return (
            f'<li><a href="#" data-conversation="{escape(conversation_id)}"{selected}>'
            f'<span aria-hidden="true">{icon}</span> {escape(label)}</a></li>'
        )

    app = [item(HOME, "⌂", "Tiimi – Koti"), item(bot_direct, "✉", "Tiimi – Viestit")]
    channels = [item(c.id, _ICONS[c.kind], c.name) for c in conversations if c.kind != "direct"]
    directs = [
        item(c.id, _ICONS[c.kind], c.name)
        for c in conversations
        if c.kind == "direct" and c.id != bot_direct
    ]
    parts = ['<h2>Sovellus</h2><ul class="list">', *app, "</ul>"]
    parts += ['<h2>Kanavat</h2><ul class="list">', *channels, "</ul>"]
    if directs:
        parts += ['<h2>Yksityisviestit</h2><ul class="list">', *directs, "</ul>"]
    return "".join(parts)


class Painter:
    """Renders the workspace's content for one viewer."""

    def __init__(self, slack: SimulatedSlack, timezone: ZoneInfo) -> None:
        self.slack = slack
        self.timezone = timezone
        self.people = {user_id: real_name(slack, user_id) for user_id in slack.users}
        self.channels = {c.id: c.name for c in slack.channels.values() if not c.is_im}

    def conversation(self, viewer: str, conversation: Conversation, *, title: str) -> str:
        entries = timeline(self.slack, viewer, conversation.id)
        icon = _ICONS[conversation.kind]
        heading = f'<h2 id="conversation-title">{icon} {escape(title)}</h2>'
        if not entries:
            return heading + '<p class="empty">Ei vielä viestejä.</p>'
        items = "".join(self._entry(entry) for entry in entries)
        return f'{heading}<ol class="messages" aria-labelledby="conversation-title">{items}</ol>'

    def home(self, viewer: str) -> str:
        heading = '<h2 id="conversation-title">⌂ Tiimi – Koti</h2>'
        view = self.slack.home_views.get(viewer)
        if view is None:
            return heading + '<p class="empty">Koti-välilehti latautuu…</p>'
        body = render_view(view, people=self.people, channels=self.channels, id_prefix="home-")
        return (
            f'{heading}<section class="home" data-view-id="{escape(view["id"])}">{body}</section>'
        )

    def modal(self, view: dict[str, Any], errors: dict[str, str]) -> str:
        body = render_view(
            view, people=self.people, channels=self.channels, errors=errors, id_prefix="modal-"
        )
        return f'<div class="modal" data-view-id="{escape(str(view["id"]))}">{body}</div>'

    def now(self, moment: datetime) -> str:
        return format_datetime(moment, self.timezone)

    def _entry(self, entry: Entry) -> str:
        author = escape(self.people.get(entry.author, entry.author))
        posted = datetime.fromtimestamp(float(entry.ts), UTC)
        when = escape(format_datetime(posted, self.timezone))
        marks = ""
        if entry.only_you:
            marks += '<span class="only-you">Vain sinulle näkyvä</span>'
        if entry.edited:
            marks += '<span class="edited">(muokattu)</span>'
        if entry.in_thread:
            marks += '<span class="thread">vastaus ketjussa</span>'
        if entry.blocks:
            content = render_blocks(
                entry.blocks,
                surface="message",
                people=self.people,
                channels=self.channels,
                id_prefix=f"m{entry.ts.replace('.', '-')}-",
            )
        else:
            content = mrkdwn_to_html(entry.text, people=self.people, channels=self.channels)
        content += "".join(self._file(file_id) for file_id in entry.files)
        ephemeral = ' data-only-you="true"' if entry.only_you else ""
        return (
            f'<li class="message" data-ts="{escape(entry.ts)}"{ephemeral}>'
            f'<p class="meta"><strong>{author}</strong> <time>{when}</time> {marks}</p>'
            f'<div class="content">{content}</div></li>'
        )

    def _file(self, file_id: str) -> str:
        """A shared file: a PNG shown as the image (from the page itself, with its text for
        screen readers), any other file by its name."""
        upload = self.slack.files.get(file_id)
        if upload is None:
            return ""
        name = escape(upload.title or upload.filename)
        if upload.filename.endswith(".png") and upload.content:
            data = base64.b64encode(upload.content).decode("ascii")
            alt = escape(upload.alt_txt or upload.filename)
            image = f'<img src="data:image/png;base64,{data}" alt="{alt}">'
            return f'<figure class="file">{image}<figcaption>{name}</figcaption></figure>'
        return f'<p class="file">📎 {name}</p>'
