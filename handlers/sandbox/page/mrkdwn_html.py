"""Slack's mrkdwn and plain text as the HTML Slack would show: nothing else becomes markup.

The text arrives as Slack keeps it: `&amp;`, `&lt;` and `&gt;` stand for the characters, and
`<…>` is a control sequence (a link, a mention, a channel, a special mention or a date). The
output holds only `strong`, `em`, `s`, `code`, `pre`, `blockquote`, `br`, `span class` (a
mention or channel) and `a href` (http, https or mailto only); every character of the text is
HTML-escaped. A line starting with `>` (or `&gt;`, as Slack stores it) is a quote.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser

_TOKEN = re.compile(r"<([^<>\n]*)>")
_FENCE = re.compile(r"```(.+?)```", re.S)
_QUOTE = re.compile(r"(?:>|&gt;) ?")
_INLINE = re.compile(
    r"`(?P<code>[^`\n]+)`"
    r"|(?<![\w*])\*(?P<strong>[^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])"
    r"|(?<!\w)_(?P<em>[^_\s](?:[^_\n]*[^_\s])?)_(?!\w)"
    r"|(?<![\w~])~(?P<s>[^~\s](?:[^~\n]*[^~\s])?)~(?![\w~])"
)
_ENTITY = re.compile(r"&(amp|lt|gt);")
_CHARACTERS = {"amp": "&", "lt": "<", "gt": ">"}
_SAFE_URL = re.compile(r"(?:https?://|mailto:)", re.I)
_SPECIALS = frozenset({"here", "channel", "everyone"})
_EMOJI_CODE = re.compile(r":([a-z0-9_+-]+):")
_HOLE = "\x00"  # where a control sequence stood while the formatting is read

EMOJI = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "ballot_box_with_check": "☑️",
    "x": "❌",
    "warning": "⚠️",
    "calendar": "📆",
    "date": "📅",
    "spiral_calendar_pad": "🗓️",
    "bell": "🔔",
    "alarm_clock": "⏰",
    "hourglass": "⌛",
    "hourglass_flowing_sand": "⏳",
    "memo": "📝",
    "pushpin": "📌",
    "clipboard": "📋",
    "information_source": "ℹ️",
    "bulb": "💡",
    "question": "❓",
    "exclamation": "❗",
    "no_entry": "⛔",
    "lock": "🔒",
    "bust_in_silhouette": "👤",
    "busts_in_silhouette": "👥",
    "wave": "👋",
    "tada": "🎉",
    "sparkles": "✨",
    "+1": "👍",
    "thumbsup": "👍",
    "eyes": "👀",
    "arrow_right": "➡️",
    "zzz": "💤",
    "slightly_smiling_face": "🙂",
}


def mrkdwn_to_html(text: str, *, people: Mapping[str, str], channels: Mapping[str, str]) -> str:
    """Mrkdwn as Slack shows it; `people` and `channels` give the names of ids."""
    tokens: list[str] = []

    def hole(match: re.Match[str]) -> str:
        tokens.append(_token(match.group(1), people, channels))
        return _HOLE

    source = _TOKEN.sub(hole, text.replace(_HOLE, "\ufffd"))
    writer = _Writer(iter(tokens))
    parts: list[str] = []
    position = 0  # a code block is a line of its own: the line breaks beside it go
    for fence in _FENCE.finditer(source):
        before = source[position : fence.start()].removesuffix("\n")
        parts.append(_lines(before.removeprefix("\n") if position else before, writer))
        code = fence.group(1).removeprefix("\n").removesuffix("\n")
        parts.append(f"<pre>{writer.text(code, emoji=False)}</pre>")
        position = fence.end()
    rest = source[position:]
    parts.append(_lines(rest.removeprefix("\n") if position else rest, writer))
    return "".join(parts)


def plain_to_html(text: str, *, emoji: bool = True) -> str:
    """A plain_text object's text: escaped, line breaks kept, shortcodes as emoji if asked."""
    escaped = html.escape(text, quote=False)
    return (_emoji(escaped) if emoji else escaped).replace("\n", "<br>")


def html_to_text(markup: str) -> str:
    """The visible text of this module's HTML (line breaks as newlines)."""
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    return "".join(reader.parts)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class _Writer:
    """Escapes text pieces, putting each control sequence's HTML back where it stood."""

    def __init__(self, tokens: Iterator[str]) -> None:
        self._tokens = tokens

    def text(self, source: str, *, emoji: bool = True) -> str:
        pieces = source.split(_HOLE)
        out = [_plain(pieces[0], emoji)]
        for piece in pieces[1:]:
            out.append(next(self._tokens, ""))
            out.append(_plain(piece, emoji))
        return "".join(out)


def _plain(source: str, emoji: bool) -> str:
    escaped = html.escape(_unescape(source), quote=False)
    return _emoji(escaped) if emoji else escaped


def _unescape(source: str) -> str:
    return _ENTITY.sub(lambda match: _CHARACTERS[match.group(1)], source)


def _emoji(escaped: str) -> str:
    return _EMOJI_CODE.sub(lambda match: EMOJI.get(match.group(1), match.group(0)), escaped)


def _lines(segment: str, writer: _Writer) -> str:
    """Lines joined by `<br>`; consecutive quoted lines make one blockquote."""
    out: list[str] = []
    quoted: list[str] = []
    last_was_line = False
    for line in segment.split("\n"):
        marker = _QUOTE.match(line)
        if marker:
            quoted.append(_inline(line[marker.end() :], writer))
            continue
        if quoted:
            out.append(f"<blockquote>{'<br>'.join(quoted)}</blockquote>")
            quoted, last_was_line = [], False
        out.append(("<br>" if last_was_line else "") + _inline(line, writer))
        last_was_line = True
    if quoted:
        out.append(f"<blockquote>{'<br>'.join(quoted)}</blockquote>")
    return "".join(out)


def _inline(line: str, writer: _Writer) -> str:
    """Bold, italic, strike-through and inline code within one line (they may nest)."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(line):
        out.append(writer.text(line[position : match.start()]))
        kind = str(match.lastgroup)
        if kind == "code":
            out.append(f"<code>{writer.text(match.group(kind), emoji=False)}</code>")
        else:
            out.append(f"<{kind}>{_inline(match.group(kind), writer)}</{kind}>")
        position = match.end()
    out.append(writer.text(line[position:]))
    return "".join(out)


def _token(body: str, people: Mapping[str, str], channels: Mapping[str, str]) -> str:
    """A control sequence's HTML: a mention, a channel, a link, or its text."""
    target, bar, label = body.partition("|")
    shown = _unescape(label) if bar else None
    sigil, rest = target[:1], target[1:]
    if sigil == "@":
        name = people.get(rest) or (shown or "").lstrip("@") or rest
        return span_html("mention", "@" + name)
    if sigil == "#":
        name = channels.get(rest) or (shown or "").lstrip("#") or rest
        return span_html("channel", "#" + name)
    if sigil == "!":
        word = rest.split("^", 1)[0]
        if word in _SPECIALS:
            return span_html("mention", "@" + word)
        if word == "subteam" and shown:
            return span_html("mention", shown)
        return html.escape(shown if shown is not None else "@" + word, quote=False)
    url = _unescape(target)
    return link_html(url, shown if shown is not None else url)


def link_html(url: str, label: str) -> str:
    """A link that opens in a new tab if its scheme is http, https or mailto; else its label."""
    shown = html.escape(label or url, quote=False)
    if not _SAFE_URL.match(url):
        return shown
    href = html.escape(url, quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{shown}</a>'


def span_html(kind: str, text: str) -> str:
    """A mention (`kind` "mention") or a channel name (`kind` "channel")."""
    return f'<span class="{kind}">{html.escape(text, quote=False)}</span>'
