"""Logging that never writes a token, an identity code, a request payload, a response_url or
text a user typed, at any level (LOG_LEVEL=DEBUG included).

* The database engine hides statement parameters (``hide_parameters``, storage/db.py).
* Libraries that log request bodies, Web API arguments, response_urls, SQL or result rows at
  DEBUG or INFO (Bolt, slack_sdk, SQLAlchemy, aiosqlite) are held at WARNING or above, the
  standard logging way for a library's verbosity (``Logger.setLevel``). What they log at
  WARNING or above has every ``{...}`` (a payload dict) withheld.
* An exception is logged with its type and stack frames, never its message: a message can
  repeat what the code was given (a user's text, an SQL value, a URL with a response_url).
  A few fields known to carry no data are shown instead: the database's error code and
  constraint, the Slack error code, the HTTP status, the operating-system error.
* Every line: URLs keep only their host, tokens and identity codes (bot.privacy) are redacted.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from typing import Any

from bot.privacy import Display, redact

_TOKENS = re.compile(r"\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+")
_URL_PATHS = re.compile(r"\b(https?://[^/\s'\"<>|]+)/[^\s'\"<>|]*")
_PAYLOADS = re.compile(r"\{.*\}", re.DOTALL)
QUIET_LIBRARIES = ("slack_bolt", "slack_sdk", "sqlalchemy", "aiosqlite")
# Attributes that name an error without repeating data: (attribute, label, how it must look)
_NAME = re.compile(r"[A-Za-z0-9_.:' -]{1,80}")
_SAFE_DETAILS: tuple[tuple[str, str, type], ...] = (
    ("sqlstate", "sqlstate", str),  # asyncpg
    ("constraint_name", "constraint", str),
    ("table_name", "table", str),
    ("column_name", "column", str),
    ("sqlite_errorname", "sqlite", str),
    ("status", "status", int),  # aiohttp
    ("errno", "errno", int),  # OSError
    ("strerror", "error", str),
)


class RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, *, display: Display | None = None) -> None:
        """``display``: how the chat platform shows its texts, for reading codes in them."""
        super().__init__(fmt)
        self.display = display

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None  # a cached text may hold the message
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text = saved
        if record.name.split(".", 1)[0] in QUIET_LIBRARIES:
            line = _PAYLOADS.sub("{…}", line)
        if record.exc_info and record.exc_info[1] is not None:
            line += "\n" + self.formatException(record.exc_info)
        line = _URL_PATHS.sub(r"\1/…", line)
        return _TOKENS.sub("[TOKEN]", redact(line, display=self.display))

    def formatException(self, ei: Any) -> str:
        """The exception chain's types and stack frames, without the exceptions' messages."""
        error = ei[1]
        if error is None:
            return ""
        blocks = []
        for link in _chain(error):
            frames = "".join(traceback.format_list(traceback.extract_tb(link.__traceback__)))
            blocks.append(f"Traceback (most recent call last):\n{frames}{_headline(link)}")
        return "\n\nwhich led to\n\n".join(blocks)


def _chain(error: BaseException) -> list[BaseException]:
    """The exception and its causes, the first cause first (as Python prints them)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        suppress = current.__suppress_context__
        current = current.__cause__ or (None if suppress else current.__context__)
    return chain[::-1]


def _headline(error: BaseException) -> str:
    details = [
        f"{label}={value}"
        for attribute, label, kind_of_value in _SAFE_DETAILS
        if type(value := getattr(error, attribute, None)) is kind_of_value
        and (isinstance(value, int) or _NAME.fullmatch(str(value)))
    ]
    slack_error = _slack_error_code(error)
    if slack_error:
        details.append(f"slack_error={slack_error}")
    shown = f" ({', '.join(details)})" if details else ""
    kind = type(error)
    return f"{kind.__module__}.{kind.__qualname__}{shown}: (message withheld)"


def _slack_error_code(error: BaseException) -> str | None:
    response = getattr(error, "response", None)  # slack_sdk's SlackApiError
    get = getattr(response, "get", None)
    if get is None:
        return None
    code = get("error")
    return code if isinstance(code, str) and re.fullmatch(r"[a-z0-9_]{1,64}", code) else None


def configure_logging(level: str, *, display: Display | None = None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    line = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(RedactingFormatter(line, display=display))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet = max(logging.WARNING, root.level)
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(quiet)
