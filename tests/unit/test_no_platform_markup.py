"""The core knows no platform (issue 17): no module in bot/ holds Slack's `<@…>`, `<#…>` or
`<!…>`, and none imports slack_bolt, slack_sdk or the adapters in handlers/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "bot"
SLACK_TOKEN = re.compile(r"<[@#!]")
PLATFORM_PACKAGES = {"slack_bolt", "slack_sdk", "handlers"}


def core_modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(BOT).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(BOT.rglob("*.py"))
    ]


def imported_packages(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_holds_slack_markup() -> None:
    found = [
        f"bot/{name}:{number}: {line.strip()}"
        for name, source in core_modules()
        for number, line in enumerate(source.splitlines(), 1)
        if SLACK_TOKEN.search(line)
    ]
    assert not found, "\n".join(found)


def test_no_core_module_imports_a_platform() -> None:
    found = [
        f"bot/{name}: {sorted(imported_packages(source) & PLATFORM_PACKAGES)}"
        for name, source in core_modules()
        if imported_packages(source) & PLATFORM_PACKAGES
    ]
    assert not found, "\n".join(found)


def test_the_scans_see_the_core_and_would_see_what_they_look_for() -> None:
    names = {name for name, _source in core_modules()}
    assert {"replies/__init__.py", "i18n/templates.py", "teams/messages.py", "__main__.py"} <= names
    assert SLACK_TOKEN.search('"<@{user}> on lisätty"') and SLACK_TOKEN.search("<#C1>")
    sneaky = "def f():\n    from handlers.slack.render import x\n    import slack_sdk.errors\n"
    assert imported_packages(sneaky) == {"handlers", "slack_sdk"}
