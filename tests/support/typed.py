"""Command inputs for grammar tests: `{U1}` is the person U1 (`{U2|bertta}` with the name the
writer saw); everything else is plain text, kept as written."""

from __future__ import annotations

import re

from bot.command_input import CommandInput, Part, PersonRef

_PERSON = re.compile(r"\{([^{}|]+)(?:\|([^{}]*))?\}")


def typed(text: str) -> CommandInput:
    parts: list[Part] = []
    position = 0
    for match in _PERSON.finditer(text):
        parts += [text[position : match.start()], PersonRef(match[1], match[2] or "")]
        position = match.end()
    parts.append(text[position:])
    return CommandInput.of(*parts)
