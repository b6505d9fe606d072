"""The core writes no platform's markup: no module in bot/ holds Slack's `<@…>`, `<#…>` or
`<!…>` (issue 17, "the core knows no platform")."""

from __future__ import annotations

import re
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "bot"
SLACK_TOKEN = re.compile(r"<[@#!]")
# Input parsing that still reads Slack's markup, being made platform-free in its own branch
# of issue 17; the lead removes this list once those changes are merged.
NOT_YET = frozenset(
    {
        "teams/commands.py",
        "plan/commands.py",
        "command_text.py",
        "privacy/slack_markup.py",
        "privacy/reading.py",
        "privacy/codes.py",
    }
)


def test_no_core_module_holds_slack_markup() -> None:
    found = []
    for path in sorted(BOT.rglob("*.py")):
        name = path.relative_to(BOT).as_posix()
        if name in NOT_YET:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SLACK_TOKEN.search(line):
                found.append(f"bot/{name}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_scan_sees_the_core_and_would_see_markup() -> None:
    names = {path.relative_to(BOT).as_posix() for path in BOT.rglob("*.py")}
    assert {"replies/__init__.py", "i18n/fi.py", "teams/messages.py"} <= names
    assert SLACK_TOKEN.search('"<@{user}> on lisätty"') and SLACK_TOKEN.search("<#C1>")
