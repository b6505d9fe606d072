"""Block Kit rendering of the core's platform-neutral messages.

The core's runs (bot/replies/runs.py) become mrkdwn here: plain text with `&`, `<` and `>`
escaped, so that nothing people typed is read as a mention, ping or link; `*strong*`,
`` `code` ``, a command example as the slash command it is (`` `/askel lista` ``), and the
core's own persons and spaces as `<@U…>` and `<#C…>`. Mrkdwn fields are
marked `verbatim` so that Slack adds no links or mentions of its own to typed text (bare URLs,
`#name`, `@here`). Plain-text fields (headers, button labels) get the runs' plain text, and
`Preformatted` plain text is escaped into a code block.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot import replies
from bot.replies import (
    Code,
    Command,
    Message,
    Person,
    Plain,
    Reply,
    Runs,
    SpaceLink,
    Strong,
    When,
    plain_text,
)

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
_BROKEN_END = re.compile(r"(?:&[a-z]{0,3}|<[^<>]*)$")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ID = re.compile(r"[A-Z0-9]+")  # Slack's user and channel ids
SLASH = "/"  # before a command: Slack's commands are slash commands
BLOCKS_PER_STEP = 5  # serialised between turns of the event loop (about 0.5 ms)


def render_blocks(message: Message, *, limit: int = MAX_BLOCKS) -> list[dict[str, Any]]:
    """Block Kit blocks within Slack's size limits (50 in a message, 100 in a view)."""
    return [b.to_dict() for b in _blocks(message, limit)]


async def home_view(message: Message) -> dict[str, Any]:
    """The Home tab (views.publish) for a message: at most 100 blocks.

    Serialising a block (slack_sdk validates every object in it) takes tens of µs, and a Home
    tab has up to 100: the longest step of the bot's work, which acknowledgements arriving
    meanwhile would wait behind. So the blocks are serialised a few at a time, with a turn of
    the event loop between, and the View is validated on its first block only (`_blocks`
    keeps to the view's 100).
    """
    blocks = _blocks(message, MAX_VIEW_BLOCKS)
    view = View(type="home", blocks=blocks[:1]).to_dict()
    serialised: list[dict[str, Any]] = []
    for start in range(0, len(blocks), BLOCKS_PER_STEP):
        if start:
            await asyncio.sleep(0)
        serialised += [block.to_dict() for block in blocks[start : start + BLOCKS_PER_STEP]]
    return view | {"blocks": serialised}


def _blocks(message: Message, limit: int) -> list[Block]:
    source = message.blocks or (replies.Text(message.fallback),)
    blocks: list[Block] = []
    for block in source:
        blocks.extend(_render(block))
    return blocks[:limit]


def reply_payload(reply: Reply) -> dict[str, Any]:
    """Arguments for Bolt's respond(); never replaces the message a button was on."""
    return {
        "text": fallback_text(reply.message),
        "blocks": render_blocks(reply.message),
        "response_type": "in_channel" if reply.public else "ephemeral",
        "replace_original": False,
    }


def fallback_text(message: Message) -> str:
    """The message's `text` (notifications, screen readers), which Slack reads as mrkdwn."""
    return markup(message.fallback)


def markup(runs: Runs) -> str:
    """The runs as mrkdwn: only the core's own persons and spaces mention or link."""
    parts = []
    for run in runs:
        match run:
            case Plain(text=text) | When(text=text):  # dates as the core wrote them
                parts.append(escape(text))
            case Strong(content=content):
                parts.append(f"*{markup(content)}*")
            case Code(text=text):
                parts.append(f"`{escape(text)}`")
            case Command(text=text):
                parts.append(f"`{SLASH}{escape(text)}`")
            case Person(user_id=user_id):
                parts.append(f"<@{user_id}>" if _ID.fullmatch(user_id) else escape("@" + user_id))
            case SpaceLink(ref=ref):
                parts.append(f"<#{ref}>" if _ID.fullmatch(ref) else escape("#" + ref))
    return "".join(parts)


def escape(text: str) -> str:
    """Plain text as mrkdwn that shows it exactly as typed (`a < b` → `a &lt; b`)."""
    return text.translate(_ESCAPES)


def _render(block: replies.Block) -> list[Block]:
    match block:
        case replies.Header(runs=runs):
            text = plain_text(runs, command_prefix=SLASH)
            return [HeaderBlock(text=PlainTextObject(text=_cut(text, HEADER_LIMIT)))]
        case replies.Text(runs=runs):
            return [SectionBlock(text=mrkdwn(part)) for part in _chunks(markup(runs))]
        case replies.Preformatted(text=text):
            fenced = _chunks(escape(text), limit=SECTION_LIMIT - 8)
            return [SectionBlock(text=mrkdwn(f"```{part}```")) for part in fenced]
        case replies.Note(runs=runs):
            return [ContextBlock(elements=[mrkdwn(_cut_markup(markup(runs), SECTION_LIMIT))])]
        case replies.Divider():
            return [DividerBlock()]
        case replies.Buttons(buttons=buttons):
            return [
                ActionsBlock(
                    elements=[
                        ButtonElement(
                            text=_cut(b.label, 75),
                            action_id=b.action_id,
                            value=b.value,
                            style=b.style,
                        )
                        for b in buttons[:25]
                    ]
                )
            ]
    raise AssertionError(f"unknown block {block!r}")


def mrkdwn(text: str) -> MarkdownTextObject:
    """A mrkdwn text object (from `markup`): Slack parses only its own tokens."""
    return MarkdownTextObject(text=text, verbatim=True)


def _chunks(text: str, *, limit: int = SECTION_LIMIT) -> list[str]:
    """Split long text on line breaks so that each section stays within the limit."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        current = _cut_markup(line, limit)
    parts.append(current or " ")
    return parts


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut_markup(text: str, limit: int) -> str:
    """Cut mrkdwn without leaving half an entity (`&am`) or half a mention (`<@U1`)."""
    if len(text) <= limit:
        return text
    return _BROKEN_END.sub("", text[: limit - 1]) + "…"
