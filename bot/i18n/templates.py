"""The catalogs' template syntax (described in `bot/i18n/__init__.py`), parsed into runs.

A template is parsed once into nodes (its own text, placeholders, strong and code spans);
the values fill the placeholders afterwards, as runs, so a value's text is never read as
template syntax. A code span whose template text starts with a command's name (`/tiimi`,
`/askel`, `/arvio`, `/paja`, then a space or the span's end) is a command example: it becomes
a `Command` of its text without the slash; any other code span is `Code`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast, get_args

from bot.replies.runs import Code, Command, Inline, Plain, Runs, Strong

_NAME = re.compile(r"\{(\w+)\}")
_MARKS = {"*": "strong", "`": "code"}
_ESCAPABLE = frozenset("*`{}\\")
_RUNS: tuple[type, ...] = get_args(Inline)  # every kind of run, as placeholder values
# as the catalogs write them; a Command drops the slash
COMMAND_NAMES = ("/tiimi", "/askel", "/arvio", "/paja")


@dataclass(frozen=True)
class Field:
    name: str


@dataclass(frozen=True)
class Span:
    kind: str  # "strong" or "code"
    nodes: tuple[Node, ...]


Node = str | Field | Span


class TemplateError(ValueError):
    """A template that is not well formed (an unclosed mark, a broken placeholder)."""


@lru_cache(maxsize=2048)
def parse(template: str) -> tuple[Node, ...]:
    """`*Syy:* {reason}` → (Span("strong", ("Syy:",)), " ", Field("reason"))."""
    stack: list[tuple[str, list[Node]]] = [("", [])]
    text: list[str] = []

    def flush() -> None:
        if text:
            stack[-1][1].append("".join(text))
            text.clear()

    position = 0
    while position < len(template):
        char = template[position]
        if char == "\\":
            following = template[position + 1 : position + 2]
            if following not in _ESCAPABLE:
                raise TemplateError(f"unknown escape at {position}: {template!r}")
            text.append(following)
            position += 2
            continue
        if char == "{":
            match = _NAME.match(template, position)
            if match is None:
                raise TemplateError(f"broken placeholder at {position}: {template!r}")
            flush()
            stack[-1][1].append(Field(match.group(1)))
            position = match.end()
            continue
        if char == "}":
            raise TemplateError(f"stray }} at {position}: {template!r}")
        kind = _MARKS.get(char)
        in_code = stack[-1][0] == "code"
        if kind is None or (in_code and kind != "code"):
            text.append(char)
        elif stack[-1][0] == kind:
            flush()
            closed, nodes = stack.pop()
            if not nodes:
                raise TemplateError(f"empty {closed} span at {position}: {template!r}")
            stack[-1][1].append(Span(closed, tuple(nodes)))
        else:
            flush()
            stack.append((kind, []))
        position += 1
    flush()
    if len(stack) > 1:
        raise TemplateError(f"unclosed {stack[-1][0]} span: {template!r}")
    return tuple(stack[0][1])


def fields(template: str) -> set[str]:
    """The placeholders' names."""

    def names(nodes: tuple[Node, ...]) -> set[str]:
        found: set[str] = set()
        for node in nodes:
            if isinstance(node, Field):
                found.add(node.name)
            elif isinstance(node, Span):
                found |= names(node.nodes)
        return found

    return names(parse(template))


def fill(template: str, params: dict[str, object]) -> Runs:
    """The template's runs with each placeholder filled by its value's runs: a run (or a
    tuple of runs) as it is, anything else as one plain run of its text."""
    return _fill(parse(template), params)


def _fill(nodes: tuple[Node, ...], params: dict[str, object]) -> Runs:
    runs: list[Inline] = []
    for node in nodes:
        if isinstance(node, str):
            runs.append(Plain(node))
        elif isinstance(node, Field):
            runs.extend(value_runs(params[node.name]))
        elif node.kind == "strong":
            runs.append(Strong(_fill(node.nodes, params)))
        else:
            text = "".join(_code_text(n, params) for n in node.nodes)
            runs.append(Command(text[1:]) if is_command(node) else Code(text))
    return tuple(runs)


def is_command(span: Span) -> bool:
    """Whether a code span is a command example: its own text (not a value's) starts with a
    command's name followed by a space or the end of the span."""
    first = span.nodes[0]
    if not isinstance(first, str):
        return False
    return any(
        first.startswith(name + " ") or (first == name and len(span.nodes) == 1)
        for name in COMMAND_NAMES
    )


def value_runs(value: object) -> Runs:
    if isinstance(value, _RUNS):
        return (cast(Inline, value),)
    if isinstance(value, tuple) and all(isinstance(v, _RUNS) for v in value):
        return cast(Runs, value)
    return (Plain(str(value)),)


def _code_text(node: Node, params: dict[str, object]) -> str:
    if isinstance(node, str):
        return node
    assert isinstance(node, Field)  # a code span holds no other span
    value = params[node.name]
    if isinstance(value, Plain | Code):
        return value.text
    if isinstance(value, (*_RUNS, tuple)):
        raise TypeError(f"{{{node.name}}} in code takes text, not {value!r}")
    return str(value)
