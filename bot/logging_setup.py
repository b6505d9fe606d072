"""Logging that never writes a token or a personal identity code."""

from __future__ import annotations

import logging
import re
import sys

from bot.privacy import redact

_TOKENS = re.compile(r"\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+")


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return _TOKENS.sub("[TOKEN]", redact(super().format(record)))


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
