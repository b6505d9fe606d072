"""The core's messages as one readable string, for tests that look at what the core says
without any platform: `*strong*`, `` `code` ``, a command as the base wording types it
`` `/askel lista` ``, a person `@U…`, a team's space `#C…`."""

from __future__ import annotations

from bot.replies import (
    Code,
    Command,
    Message,
    Person,
    Plain,
    Preformatted,
    Reply,
    Runs,
    SpaceLink,
    Strong,
    When,
)


def runs_shown(runs: Runs) -> str:
    parts = []
    for run in runs:
        match run:
            case Plain(text=text) | When(text=text):
                parts.append(text)
            case Strong(content=content):
                parts.append(f"*{runs_shown(content)}*")
            case Code(text=text):
                parts.append(f"`{text}`")
            case Command(text=text):
                parts.append(f"`/{text}`")
            case Person(user_id=user_id):
                parts.append(f"@{user_id}")
            case SpaceLink(ref=ref):
                parts.append(f"#{ref}")
    return "".join(parts)


def block_texts(message: Message) -> list[str]:
    """Each block's text (a divider or buttons give an empty string)."""
    texts = []
    for block in message.blocks:
        if isinstance(block, Preformatted):
            texts.append(block.text)
        else:
            texts.append(runs_shown(getattr(block, "runs", ())))
    return texts


def shown(item: Message | Reply | Runs | object) -> str:
    """A message's (or reply's) fallback and every block's text, joined by spaces."""
    if isinstance(item, Reply):
        item = item.message
    if isinstance(item, Message):
        return " ".join([runs_shown(item.fallback), *block_texts(item)])
    assert isinstance(item, tuple), item
    return runs_shown(item)
