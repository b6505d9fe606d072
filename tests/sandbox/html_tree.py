"""The sandbox page's HTML read back as a browser would: a tree of elements with their text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "hr", "input", "img", "meta", "link"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """The visible text, with `<br>` as a newline."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children) + (
            "\n" if self.tag == "br" else ""
        )

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, test: Callable[[Node], bool] | str) -> list[Node]:
        wanted = (lambda n: n.tag == test) if isinstance(test, str) else test
        return [n for n in self.walk() if wanted(n)]

    def find(self, test: Callable[[Node], bool] | str) -> Node:
        [found] = self.find_all(test)
        return found

    def by_data(self, **data: str) -> Node:
        """The one element whose data-* attributes have these values (data_block_id=…)."""
        pairs = {"data-" + k.replace("_", "-"): v for k, v in data.items()}
        return self.find(lambda n: all(n.attrs.get(k) == v for k, v in pairs.items()))


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert len({name for name, _ in attrs}) == len(attrs), f"repeated attribute in {tag}"
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    """The HTML as a tree; fails on an unclosed or misnested element or a repeated attribute."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root
