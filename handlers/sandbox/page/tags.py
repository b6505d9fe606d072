"""Small HTML builders: attribute values are always escaped, content is given as HTML."""

from __future__ import annotations

import html

# a keyword's `_` stands for `-` (data_block_id → data-block-id); a trailing `_` is dropped
Attr = str | None


def esc(text: str) -> str:
    """Text as HTML content."""
    return html.escape(text, quote=False)


def attrs(**values: Attr) -> str:
    """` name="value"` for each attribute that is not None."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"'
        for name, value in values.items()
        if value is not None
    )


def tag(element: str, content: str, /, **values: Attr) -> str:
    """An element around content that is already HTML."""
    return f"<{element}{attrs(**values)}>{content}</{element}>"


def void(element: str, /, **values: Attr) -> str:
    """An element without content (`input`, `hr`)."""
    return f"<{element}{attrs(**values)}>"


def slug(text: str) -> str:
    """Text as part of an element id: ASCII letters, digits and `-` kept, the rest `_hex_`."""
    return "".join(
        c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in text
    )
