"""texts stored from slash commands as their writers meant them, not in Slack's markup

Before this revision a command's free text (goals, meeting places, steps and edits typed
after `/askel` or `/tiimi tapaaminen`) was stored as Slack sent it: `&`, `<`, `>` as entities
and mentions and links as markup. The bot now stores text as typed and escapes it when it
shows it, so such rows would show `&amp;`. This revision decodes them with the rules the
command grammar now uses (bot/command_text.py, frozen here so that the revision never
changes with it).

Goals and meeting places only ever came from commands: all are decoded. Steps came from
commands or from the step form (raw text): a step is decoded only if every `&`, `<` and `>` in
it belongs to an entity or a Slack control sequence, as in anything Slack sent; a step typed
in the form that looks exactly like that (say `<!channel>` or `&amp;` typed literally) then
reads as Slack showed it before (`@channel`, `&`), which is no worse than before.

Downgrade escapes `&`, `<` and `>` in every text, so that the previous version shows each text
as it now reads (and pings or links nothing).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 21:00:00
"""

import re
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT_LIMIT = {"step": 500, "goal": 500, "meeting": 300}
_TOKEN = re.compile(r"<([^<>]*)>")
_ENTITY = re.compile(r"&(amp|lt|gt);")
_CHARACTERS = {"amp": "&", "lt": "<", "gt": ">"}
_SCHEME = re.compile(r"^(?:https?://|mailto:|tel:)", re.I)


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda match: _CHARACTERS[match.group(1)], text)


def _token(inner: str) -> str:
    target, _, label = inner.partition("|")
    target, label = _unescape(target), _unescape(label)
    if target[:1] == "@":
        return "@" + (label.lstrip("@") or target[1:])
    if target[:1] == "#":
        return "#" + (label.lstrip("#") or target[1:])
    if target[:1] == "!":
        command = target[1:].split("^", 1)[0]
        if command in ("here", "channel", "everyone", "group"):
            return "@" + command
        return label or "@" + target[1:]
    bare = _SCHEME.sub("", target)
    own = {v.casefold() for v in (target, bare, target.rstrip("/"), bare.rstrip("/"))}
    if not label or label.casefold() in own:
        return label or target
    return f"{label} ({target})"


def typed_text(text: str) -> str:
    """Slack's command text as its writer meant it (bot/command_text.py at revision 0006)."""
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        parts.append(_unescape(text[position : match.start()]))
        parts.append(_token(match.group(1)))
        position = match.end()
    parts.append(_unescape(text[position:]))
    return "".join(parts)


def as_sent_by_slack(text: str) -> bool:
    """Whether every `&`, `<` and `>` belongs to an entity or a control sequence."""
    rest = _ENTITY.sub("", _TOKEN.sub("", text))
    return not re.search(r"[&<>]", rest)


def _rewrite(table: str, column: str, change: Callable[[str], str]) -> None:
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.String))
    connection = op.get_bind()
    found = connection.execute(
        sa.select(rows.c.id, rows.c[column]).where(
            sa.or_(rows.c[column].contains("&"), rows.c[column].contains("<"))
        )
    ).all()
    limit = _TEXT_LIMIT[table]
    for row_id, text in found:
        new = change(text)
        if len(new) > limit:
            new = new[: limit - 1] + "…"
        if new != text:
            connection.execute(rows.update().where(rows.c.id == row_id).values({column: new}))


def upgrade() -> None:
    _rewrite("goal", "text", typed_text)
    _rewrite("meeting", "place", typed_text)
    _rewrite("step", "text", lambda text: typed_text(text) if as_sent_by_slack(text) else text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def downgrade() -> None:
    for table, column in (("goal", "text"), ("meeting", "place"), ("step", "text")):
        rows = sa.table(table, sa.column("id", sa.Integer), sa.column(column, sa.String))
        connection = op.get_bind()
        found = connection.execute(
            sa.select(rows.c.id, rows.c[column]).where(
                sa.or_(
                    rows.c[column].contains("&"),
                    rows.c[column].contains("<"),
                    rows.c[column].contains(">"),
                )
            )
        ).all()
        for row_id, text in found:
            value = _escape(text)[: _TEXT_LIMIT[table]]
            connection.execute(rows.update().where(rows.c.id == row_id).values({column: value}))
