"""A slash command's text as Slack sends it, read into the core's `CommandInput`.

Slack escapes `&`, `<` and `>` as entities and sends mentions, channels and links as markup
(`<@U1|anna>`, `<#C1|name>`, `<!here>`, `<https://kela.fi|kela.fi>`). A mention of a user
becomes a `PersonRef`, of a user group (`<!subteam^S1|@ryhmä>`) a `GroupRef`; everything
else becomes the plain text its reader saw, so that the database never holds Slack's markup
and a stored text never mentions, pings or links: a channel as `#name`, `<!here>` as
`@here`, a link by its label, with its address beside the label when the two differ
(`kela.fi (https://evil.example)`), entities decoded.
"""

from __future__ import annotations

import re

from bot.command_input import CommandInput, GroupRef, Part, PersonRef
from handlers.slack.markup import display_segments, unescape

_TOKEN = re.compile(r"<([^<>]*)>")
_USER_ID = re.compile(r"[UW][A-Z0-9]+")
_GROUP_ID = re.compile(r"S[A-Z0-9]+")
_SCHEME = re.compile(r"^(?:https?://|mailto:|tel:)", re.I)


def command_input(text: str) -> CommandInput:
    """`Soita <@U1|anna>: <https://evil.example|kela.fi> &amp; muut` → `Soita `, the person
    U1, `: kela.fi (https://evil.example) & muut`; the text as sent kept for the guard."""
    parts: list[Part] = []
    position = 0
    for match in _TOKEN.finditer(text):
        parts += [unescape(text[position : match.start()]), _token(match.group(1))]
        position = match.end()
    parts.append(unescape(text[position:]))
    return CommandInput.of(*parts, sent=text, display=display_segments)


def _token(inner: str) -> Part:
    target, _, label = inner.partition("|")
    target, label = unescape(target), unescape(label)
    if target[:1] == "@":  # a person: <@U123|anna>
        if _USER_ID.fullmatch(target[1:]):
            return PersonRef(target[1:], label.lstrip("@"))
        return "@" + (label.lstrip("@") or target[1:])
    if target[:1] == "#":  # a channel: <#C123|tiimi>
        return "#" + (label.lstrip("#") or target[1:])
    if target[:1] == "!":  # <!here>, <!subteam^S1|@ryhmä>, <!date^…|2.12.2026>
        command, _, argument = target[1:].partition("^")
        if command in ("here", "channel", "everyone", "group"):
            return "@" + command
        if command == "subteam" and _GROUP_ID.fullmatch(argument):
            return GroupRef(argument, label.lstrip("@"))
        return label or "@" + target[1:]
    if not label or _is_own_text(target, label):
        return label or target
    return f"{label} ({target})"


def _is_own_text(url: str, label: str) -> bool:
    """Whether a link's label is its own address as typed (`kela.fi` for http://kela.fi)."""
    bare = _SCHEME.sub("", url)
    return label.casefold() in {
        url.casefold(),
        bare.casefold(),
        url.rstrip("/").casefold(),
        bare.rstrip("/").casefold(),
    }
