"""Reads Slack text as a person in Slack would: what it shows, and what in it acts.

Slack's rules for message text (docs.slack.dev "Formatting text for app surfaces"): `&amp;`,
`&lt;` and `&gt;` are decoded for display (no other entity); `<…>` is a control sequence: a
user mention `<@U…>`, a channel link `<#C…>`, a special mention `<!here>`, `<!channel>`,
`<!everyone>`, `<!subteam^…>` (or `<!date^…>`) and otherwise a link `<url|label>`. In a mrkdwn
text object that is not `verbatim`, Slack also turns bare URLs, `#channel` names and `@here`
into links and mentions. Formatting (`*bold*`, `_italic_`) is left as it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_TOKEN = re.compile(r"<([^<>]*)>")
_ENTITY = re.compile(r"&(amp|lt|gt);")
_CHARACTERS = {"amp": "&", "lt": "<", "gt": ">"}
_AUTO_PARSED = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@])@(?:here|channel|everyone)\b|(?<![\w&])#[a-z0-9_-]+"
)


@dataclass
class Reading:
    shown: str
    mentions: list[str] = field(default_factory=list)  # user ids
    channels: list[str] = field(default_factory=list)
    specials: list[str] = field(default_factory=list)  # here, channel, everyone, subteam…
    links: list[str] = field(default_factory=list)  # `url|label` as written
    auto_parsed: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)  # `<` or `>` outside a control sequence

    @property
    def acts(self) -> bool:
        """Whether anything in the text pings, mentions or links."""
        return bool(
            self.mentions
            or self.channels
            or self.specials
            or self.links
            or self.auto_parsed
            or self.stray
        )


def read_mrkdwn(text: str, *, verbatim: bool = True) -> Reading:
    """How Slack shows mrkdwn text; mentions show as `@U…`, channel links as `#C…`."""
    reading = Reading(shown="")
    shown: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        shown.append(_plain(text[position : match.start()], reading, verbatim))
        shown.append(_control(match.group(1), reading))
        position = match.end()
    shown.append(_plain(text[position:], reading, verbatim))
    reading.shown = "".join(shown)
    return reading


def read_text_object(obj: dict[str, Any]) -> Reading:
    """A Block Kit text object as Slack shows it."""
    if obj["type"] == "plain_text":
        return Reading(shown=obj["text"])
    return read_mrkdwn(obj["text"], verbatim=bool(obj.get("verbatim")))


def read_blocks(blocks: list[dict[str, Any]]) -> list[Reading]:
    """Every text object in the blocks (sections, headers, context, buttons), in order."""
    readings: list[Reading] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
                readings.append(read_text_object(node))
                return
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(blocks)
    return readings


def _plain(text: str, reading: Reading, verbatim: bool) -> str:
    reading.stray += [c for c in text if c in "<>"]
    if not verbatim:
        reading.auto_parsed += _AUTO_PARSED.findall(text)
    return _ENTITY.sub(lambda match: _CHARACTERS[match.group(1)], text)


def _control(inner: str, reading: Reading) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        reading.mentions.append(target[1:])
        return "@" + target[1:]
    if target.startswith("#"):
        reading.channels.append(target[1:])
        return "#" + target[1:]
    if target.startswith("!"):
        reading.specials.append(target[1:])
        return label or "@" + target[1:]
    reading.links.append(inner)
    return label or target
