"""Free text from a chat command as its writer meant it, for storing.

The command grammar receives the command's text as the platform sends it: Slack escapes `&`,
`<` and `>` as entities and sends mentions, channels and links as markup (`<@U1|anna>`,
`<#C1|name>`, `<!here>`, `<https://kela.fi|kela.fi>`). The grammar takes out its own mentions
(a step's owner, a member to add); what is left of a free text (a step, a goal, a meeting
place) becomes plain text here, so that the database never holds the platform's markup and
the text is shown exactly as it read: no mention, ping or link survives.
"""

from __future__ import annotations

import re

from bot.replies import unescape

_TOKEN = re.compile(r"<([^<>]*)>")
_SCHEME = re.compile(r"^(?:https?://|mailto:|tel:)", re.I)


def typed_text(text: str) -> str:
    """`Soita <@U1|anna>: <https://evil.example|kela.fi> &amp; muut` →
    `Soita @anna: kela.fi (https://evil.example) & muut`."""
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        parts.append(unescape(text[position : match.start()]))
        parts.append(_token(match.group(1)))
        position = match.end()
    parts.append(unescape(text[position:]))
    return "".join(parts)


def _token(inner: str) -> str:
    target, _, label = inner.partition("|")
    target, label = unescape(target), unescape(label)
    if target[:1] == "@":  # a person: <@U123|anna>
        return "@" + (label.lstrip("@") or target[1:])
    if target[:1] == "#":  # a channel: <#C123|tiimi>
        return "#" + (label.lstrip("#") or target[1:])
    if target[:1] == "!":  # <!here>, <!subteam^S1|@ryhmä>, <!date^…|2.12.2026>
        command = target[1:].split("^", 1)[0]
        if command in ("here", "channel", "everyone", "group"):
            return "@" + command
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
