"""What a user typed to Tiimi in Teams, read into the core's `CommandInput`.

Teams sends a message's `text` with each mention as `<at>Name</at>` and a `mention` entity
beside it (`mentioned.id` is the person's `29:` Teams id); text the client sent as rich text
comes as HTML (`<p>`, `<div>`, `<br>`, `&nbsp;`, `&amp;`). `read_message` turns that into the
text its writer saw: tags left out (a paragraph, division, list item or `<br>` is a line break),
entities decoded, each `<at>` with its entity a `Mention` and one without plain `@Name`. A
mention of the bot itself is left out (the SDK's `remove_recipient_mention` does so too; this
does not rely on it). The first word then names the command: `tiimi`, `askel`, `arvio` or
`paja` (any case, a leading `/` allowed) and the rest is its text; `koti`, `hem` or `home`
alone is the home card; an empty message asks for help. Text that names no command is, in the bot's
personal chat, `tiimi <text>` (`uusi`, `ohje`, `avoimet`): `personal_route` says so, and the
listener, which knows the conversation's type, picks.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.command_input import CommandInput, Part, PersonRef


class Route(StrEnum):
    TIIMI = "tiimi"
    ASKEL = "askel"
    ARVIO = "arvio"  # the self-rating (bot/ratings)
    PAJA = "paja"  # the staff's workshops
    HOME = "home"
    HELP = "help"


@dataclass(frozen=True)
class Mention:
    """A person the writer mentioned, by their Teams id (`29:…`)."""

    teams_id: str
    name: str

    @property
    def text(self) -> str:
        return "@" + self.name


Piece = str | Mention


@dataclass(frozen=True)
class TypedMessage:
    """A message read: the command its first word names and the text after that word."""

    route: Route | None  # None: the first word names no command
    rest: tuple[Piece, ...]  # after the command word; the whole message when route is None
    text: str  # the whole message as its writer saw it, mentions as @Name (for the guard)

    @property
    def personal_route(self) -> Route:
        """The route in the bot's personal chat, where any other text is `tiimi <text>`."""
        return self.route or Route.TIIMI


_MARKUP = re.compile(  # every repetition bounded: a message's reading takes linear time
    r"<at(?:\s[^<>]{0,200})?>(?P<at>[^<>]{0,500})</at\s*>"
    r"|<a\s[^<>]{0,500}?\bhref=\"(?P<href>[^\"<>]{0,2000})\"[^<>]{0,500}>"
    r"(?P<label>(?:[^<]|<(?!/a\b)){0,2000}?)</a\s*>"
    r"|<!--(?:[^-]|-(?!->)){0,200}-->"
    r"|<(?P<tag>/?[A-Za-z][A-Za-z0-9]{0,20})(?P<attributes>\s[^<>]{0,2000})?/?>",
    re.IGNORECASE,
)
_ALT = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]*>")
_SCHEME = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "h1", "h2", "h3"}
    | {"h4", "h5", "h6"}
)
_BLOCK_TAGS |= {"/" + tag for tag in _BLOCK_TAGS}
# A command example in a card reads `@Tiimi askel lista`: typed as plain text (no mention
# picked), the bot's name is read as the mention it stands for.
_BOT_NAME = r"(?:@tiimi\s+)?"
_COMMAND = re.compile(_BOT_NAME + r"/?(tiimi|askel|arvio|paja)(?=\s|\Z)", re.IGNORECASE)
_HOME = re.compile(_BOT_NAME + r"/?(?:koti|hem|home)", re.IGNORECASE)
_SPACES = str.maketrans({"\xa0": " ", "\r": "\n"})


def read_message(
    text: str | None, entities: Sequence[Mapping[str, Any]], *, bot_id: str
) -> TypedMessage:
    """The message as its writer saw it, and the command it names."""
    pieces = _strip(_decode(text or "", _mentions(entities), bot_id))
    whole = "".join(piece if isinstance(piece, str) else piece.text for piece in pieces)
    if not pieces:
        return TypedMessage(Route.HELP, (), whole)
    first = pieces[0]
    if isinstance(first, str):
        if len(pieces) == 1 and _HOME.fullmatch(first):
            return TypedMessage(Route.HOME, (), whole)
        command = _COMMAND.match(first)
        if command:
            rest = (first[command.end() :].lstrip(), *pieces[1:])
            return TypedMessage(Route(command[1].lower()), _joined(rest), whole)
    return TypedMessage(None, pieces, whole)


def to_command_input(message: TypedMessage, ids: Mapping[str, str]) -> CommandInput:
    """The command's text for the core: a mention whose Teams id maps to an Entra object id
    (`ids`) is that person, any other plain `@Name`; `sent` is the whole text as seen."""
    parts: list[Part] = []
    for piece in message.rest:
        if isinstance(piece, Mention) and piece.teams_id in ids:
            parts.append(PersonRef(ids[piece.teams_id], piece.name))
        else:
            parts.append(piece if isinstance(piece, str) else piece.text)
    return CommandInput.of(*parts, sent=message.text)


def teams_ids(message: TypedMessage) -> frozenset[str]:
    """The Teams ids of the people the command's text mentions, to resolve to Entra ids."""
    return frozenset(piece.teams_id for piece in message.rest if isinstance(piece, Mention))


def _mentions(entities: Sequence[Mapping[str, Any]]) -> dict[str, deque[str]]:
    """The mentioned Teams ids by their `<at>…</at>` text, in the order they come."""
    found: dict[str, deque[str]] = defaultdict(deque)
    for entity in entities:
        if not isinstance(entity, Mapping) or entity.get("type") != "mention":
            continue
        mentioned, text = entity.get("mentioned"), entity.get("text")
        if isinstance(mentioned, Mapping) and isinstance(text, str):
            teams_id = mentioned.get("id")
            if isinstance(teams_id, str) and teams_id:
                found[text].append(teams_id)
    return found


def _decode(text: str, mentions: dict[str, deque[str]], bot_id: str) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for markup in _MARKUP.finditer(text):
        pieces.append(html.unescape(text[position : markup.start()]))
        position = markup.end()
        tag = (markup["tag"] or "").lower()
        if markup["at"] is not None:
            pieces.append(_mention(markup, mentions, bot_id))
        elif markup["href"] is not None:
            pieces.append(_link(html.unescape(markup["href"]), _inner_text(markup["label"])))
        elif tag == "br":
            pieces.append("\n")
        elif tag == "img":  # an emoji: its text
            alt = _ALT.search(markup["attributes"] or "")
            pieces.append(html.unescape(alt[1]) if alt else "")
        elif tag in _BLOCK_TAGS:
            pieces.append("" if _at_line_start(pieces) else "\n")
    pieces.append(html.unescape(text[position:]))
    return pieces


def _inner_text(markup: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", markup)).split())


def _link(url: str, label: str) -> str:
    """A link as its reader saw it: its label, with the address beside a label that is not
    the address itself (`kela.fi (https://evil.example)`)."""
    bare = _SCHEME.sub("", url).rstrip("/").casefold()
    if not label or label.rstrip("/").casefold() in {bare, url.rstrip("/").casefold()}:
        return label or url
    return f"{label} ({url})"


def _mention(markup: re.Match[str], mentions: dict[str, deque[str]], bot_id: str) -> Piece:
    name = _inner_text(markup["at"])
    queue = mentions.get(markup[0])
    if not queue:
        return "@" + name
    teams_id = queue.popleft()
    if _bare(teams_id) == _bare(bot_id):
        return ""
    return Mention(teams_id, name)


def _bare(account_id: str) -> str:
    """An account id without its Bot Framework prefix (`28:` for a bot)."""
    return account_id.partition(":")[2] if account_id.startswith("28:") else account_id


def _at_line_start(pieces: list[Piece]) -> bool:
    for piece in reversed(pieces):
        if isinstance(piece, Mention):
            return False
        if piece:
            return piece.endswith("\n")
    return True


def _strip(pieces: list[Piece]) -> tuple[Piece, ...]:
    """The pieces with neighbouring texts joined, line ends and spaces normalised, and the
    whitespace around the whole message left out."""
    normalised: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str):
            piece = piece.replace("\r\n", "\n").translate(_SPACES)
        normalised.append(piece)
    joined = list(_joined(normalised))
    if joined and isinstance(joined[0], str):
        joined[0] = joined[0].lstrip()
    if joined and isinstance(joined[-1], str):
        joined[-1] = joined[-1].rstrip()
    return tuple(piece for piece in joined if piece != "")


def _joined(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    joined: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and joined and isinstance(joined[-1], str):
            joined[-1] += piece
        elif piece != "":
            joined.append(piece)
    return tuple(joined)
