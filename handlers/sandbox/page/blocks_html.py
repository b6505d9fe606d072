"""Block Kit blocks, modals and Home tabs as HTML for the sandbox page; all text is escaped.

Each block is a `div` with classes `block block-<type>` and `data-block-id` (the block's id,
or the one `interaction.with_block_ids` generates). An input block's label, hint and error
have the ids of its element + `.label`, `.hint` and `.error`; the error has `role="alert"`
and the element `aria-describedby` and `aria-invalid`. A modal's buttons have `data-kind`
`view-close` and `view-submit` and the ids `id_prefix` + `view-close` / `view-submit`.
The interactive elements' contract is in `elements_html`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from handlers.sandbox.page.elements_html import (
    CANCEL,
    GROUPS,
    Page,
    element_html,
    unknown_element,
)
from handlers.sandbox.page.interaction import elements_of, with_block_ids
from handlers.sandbox.page.rich_text_html import rich_text_html
from handlers.sandbox.page.tags import Attr, esc, tag, void

Block = dict[str, Any]
Surface = Literal["message", "modal", "home"]

OPTIONAL = "(valinnainen)"
IMAGE = "Kuva"
UNKNOWN_BLOCK = "Tuntematon lohko"


def render_blocks(
    blocks: list[Block],
    *,
    surface: Surface,
    people: Mapping[str, str],
    channels: Mapping[str, str],
    errors: Mapping[str, str] | None = None,
    id_prefix: str = "",
) -> str:
    """The blocks of a message, modal or Home tab; `errors` are view errors by block_id."""
    page = Page(people, channels, errors or {}, id_prefix)
    return _blocks(page, blocks, surface)


def render_view(
    view: Block,
    *,
    people: Mapping[str, str],
    channels: Mapping[str, str],
    errors: Mapping[str, str] | None = None,
    id_prefix: str = "",
) -> str:
    """A modal (title, blocks, close and submit buttons) or a Home tab (its blocks)."""
    page = Page(people, channels, errors or {}, id_prefix)
    blocks = view.get("blocks") if isinstance(view.get("blocks"), list) else []
    if view.get("type") == "home":
        return f'<section class="view view-home">{_blocks(page, blocks, "home")}</section>'
    title_id = id_prefix + "view-title"
    close = page.text(view.get("close")) or CANCEL
    buttons = tag(
        "button",
        close,
        type="button",
        class_="button",
        id=id_prefix + "view-close",
        data_kind="view-close",
    )
    if view.get("submit"):
        buttons += tag(
            "button",
            page.text(view["submit"]),
            type="button",
            class_="button primary",
            id=id_prefix + "view-submit",
            data_kind="view-submit",
        )
    body = (
        tag("h2", page.text(view.get("title")), id=title_id)
        + _blocks(page, blocks, "modal")
        + tag("div", buttons, class_="view-buttons")
    )
    return tag(
        "section",
        body,
        class_="view view-modal",
        role="dialog",
        aria_modal="true",
        aria_labelledby=title_id,
    )


def _blocks(page: Page, blocks: Any, surface: Surface) -> str:
    found = with_block_ids(blocks if isinstance(blocks, list) else [])
    return tag(
        "div", "".join(_block(page, b) for b in found), class_="blocks", data_surface=surface
    )


def _block(page: Page, block: Block) -> str:
    kind = str(block.get("type"))
    render = BLOCKS.get(kind)
    if render is None:
        return tag("div", esc(f"[{UNKNOWN_BLOCK}: {kind}]"), class_="block unknown")
    content = render(page, block)
    return tag("div", content, class_=f"block block-{kind}", data_block_id=block["block_id"])


def _header(page: Page, block: Block) -> str:
    return tag("h3", page.text(block.get("text")))


def _section(page: Page, block: Block) -> str:
    out = tag("div", page.text(block["text"]), class_="text") if "text" in block else ""
    fields = _list(block.get("fields"))
    if fields:
        out += tag(
            "div",
            "".join(tag("div", page.text(f), class_="field") for f in fields),
            class_="fields",
        )
    for element in elements_of(block):
        out += tag("div", element_html(page, block["block_id"], element), class_="accessory")
    return out


def _context(page: Page, block: Block) -> str:
    parts = [_image_alt(e) if _is_image(e) else page.text(e) for e in _list(block.get("elements"))]
    return tag("small", " ".join(parts))


def _divider(page: Page, block: Block) -> str:
    return void("hr")


def _actions(page: Page, block: Block) -> str:
    elements = "".join(element_html(page, block["block_id"], e) for e in elements_of(block))
    return tag("div", elements, class_="actions", role="group")


def _input(page: Page, block: Block) -> str:
    """The label ("(valinnainen)" if optional), the element, the error and the hint."""
    found = elements_of(block)
    if not found:
        return unknown_element(block.get("element"))
    element, block_id = found[0], block["block_id"]
    element_id = page.id(block_id, element["action_id"])
    label = page.text(block.get("label"))
    if block.get("optional"):
        label += " " + tag("span", OPTIONAL, class_="optional")
    error = page.errors.get(block_id)
    hint = page.text(block.get("hint"))
    described = [element_id + ".error"] if error else []
    described += [element_id + ".hint"] if hint else []
    aria: dict[str, Attr] = {
        "aria_describedby": " ".join(described) or None,
        "aria_invalid": "true" if error else None,
        # ARIA has no "required" for a group of checkboxes (a radiogroup has)
        "aria_required": None
        if block.get("optional") or element["type"] == "checkboxes"
        else "true",
    }
    if element["type"] in GROUPS:
        legend = tag("legend", label, id=element_id + ".label")
        field = element_html(page, block_id, element, aria, legend=legend)
    else:
        field = tag("label", label, for_=element_id, id=element_id + ".label")
        field += element_html(page, block_id, element, aria)
    if error:
        field += tag("p", esc(error), class_="error", role="alert", id=element_id + ".error")
    if hint:
        field += tag("small", hint, class_="hint", id=element_id + ".hint")
    return field


def _image(page: Page, block: Block) -> str:
    title = tag("figcaption", page.text(block["title"])) if block.get("title") else ""
    return tag("figure", _image_alt(block) + title)


def _rich_text(page: Page, block: Block) -> str:
    return rich_text_html(block, people=page.people, channels=page.channels)


BLOCKS: dict[str, Callable[[Page, Block], str]] = {
    "header": _header,
    "section": _section,
    "context": _context,
    "divider": _divider,
    "actions": _actions,
    "input": _input,
    "image": _image,
    "rich_text": _rich_text,
}


def _is_image(element: Any) -> bool:
    return isinstance(element, dict) and element.get("type") == "image"


def _image_alt(image: Block) -> str:
    """An image as its alt text only: the page loads nothing from the network."""
    alt = str(image.get("alt_text") or "")
    return tag("span", esc(f"[{IMAGE}: {alt}]"), class_="image", role="img", aria_label=alt)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
