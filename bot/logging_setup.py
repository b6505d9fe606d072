"""Logging that never writes a token, an identity code, a request payload, a response_url or
text a user typed, at any level (LOG_LEVEL=DEBUG included).

* Libraries whose INFO is step-by-step detail (Alembic's migration steps and plugin set-up)
  are held at WARNING unless LOG_LEVEL is DEBUG: storage.migrate logs one line instead.
* The database engine hides statement parameters (``hide_parameters``, storage/db.py).
* Libraries that log request bodies, Web API arguments, response_urls, SQL or result rows at
  DEBUG or INFO (SQLAlchemy, aiosqlite; an adapter adds its own) are held at WARNING or above, the
  standard logging way for a library's verbosity (``Logger.setLevel``). What they log at
  WARNING or above has every ``{...}`` (a payload dict) withheld.
* An exception is logged with its type and stack frames, never its message: a message can
  repeat what the code was given (a user's text, an SQL value, a URL with a response_url).
  A few fields known to carry no data are shown instead: the database's error code and
  constraint, a chat platform's error code, the HTTP status, the operating-system error.
* Every line: URLs keep only their host, identity codes (bot.privacy) are redacted.

A platform adapter extends these (e.g. handlers/slack/log_details.py): `quiet_also` holds its
libraries at WARNING, `redact_also` adds a pattern every line is cleaned of (its tokens),
`show_error_detail` a function that names an exception's safe detail (its error code), and
`withhold_data_of` libraries whose own messages may quote what they were given (an SDK that
writes an exception's or a validation error's text into the line): of their lines only the
fixed words are kept.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from typing import Any

from bot.platform import PlatformError
from bot.privacy import Display, redact

_URL_PATHS = re.compile(r"\b(https?://[^/\s'\"<>|]+)/[^\s'\"<>|]*")
_PAYLOADS = re.compile(r"\{.*\}", re.DOTALL)
QUIET_LIBRARIES = {"sqlalchemy", "aiosqlite"}
WITHHELD_LIBRARIES: set[str] = set()  # of their lines only the message's fixed words are kept
_PLACEHOLDERS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxXeEgGa%]")
DETAIL_LIBRARIES = {"alembic", "apscheduler"}  # their INFO lines are shown at DEBUG only
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
ErrorDetail = Callable[[BaseException], tuple[str, str] | None]  # -> (label, value)
_REDACTIONS: dict[str, tuple[re.Pattern[str], str]] = {}
_ERROR_DETAILS: dict[str, ErrorDetail] = {}
_DISPLAY: list[Display] = []  # how the chat platform shows its texts (at most one)


def quiet_also(*libraries: str) -> None:
    """Hold these libraries' loggers at WARNING or above too (their payloads withheld)."""
    QUIET_LIBRARIES.update(libraries)
    _quieten()


def withhold_data_of(*libraries: str) -> None:
    """Keep only the fixed words of these libraries' log lines: a %-style message without its
    arguments, a message built beforehand (an f-string) up to its first colon."""
    WITHHELD_LIBRARIES.update(libraries)


def _fixed_words(record: logging.LogRecord) -> str:
    message = str(record.msg)
    if record.args:
        return _PLACEHOLDERS.sub(lambda m: "%" if m[0] == "%%" else "…", message)
    head, colon, _ = message.partition(":")
    return f"{head}: …" if colon else message


def redact_also(name: str, pattern: re.Pattern[str], replacement: str) -> None:
    """Clean every log line of `pattern` too (registered once per name)."""
    _REDACTIONS[name] = (pattern, replacement)


def read_codes_as_displayed(display: Display) -> None:
    """Look for identity codes also in each line as the chat platform would show it."""
    _DISPLAY[:] = [display]


def show_error_detail(name: str, detail: ErrorDetail) -> None:
    """Show what `detail` finds in a logged exception (a label and a value matching _NAME)."""
    _ERROR_DETAILS[name] = detail


def _platform_error_code(error: BaseException) -> tuple[str, str] | None:
    return ("platform_error", error.code) if isinstance(error, PlatformError) else None


show_error_detail("platform", _platform_error_code)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.msg, record.args
        record.exc_info, record.exc_text = None, None  # a cached text may hold the message
        if record.name.split(".", 1)[0] in WITHHELD_LIBRARIES:
            record.msg, record.args = _fixed_words(record), None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.msg, record.args = saved
        if record.name.split(".", 1)[0] in QUIET_LIBRARIES:
            line = _PAYLOADS.sub("{…}", line)
        if record.exc_info and record.exc_info[1] is not None:
            line += "\n" + self.formatException(record.exc_info)
        line = _URL_PATHS.sub(r"\1/…", line)
        for pattern, replacement in _REDACTIONS.values():
            line = pattern.sub(replacement, line)
        return redact(line, display=_DISPLAY[0] if _DISPLAY else None)

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
    for detail in _ERROR_DETAILS.values():
        found = detail(error)
        if found is not None and _NAME.fullmatch(found[1]):
            details.append(f"{found[0]}={found[1]}")
    shown = f" ({', '.join(details)})" if details else ""
    kind = type(error)
    return f"{kind.__module__}.{kind.__qualname__}{shown}: (message withheld)"


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    _quieten()


def _quieten() -> None:
    level = logging.getLogger().level
    quiet = max(logging.WARNING, level)
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(quiet)
    for library in DETAIL_LIBRARIES:  # at DEBUG they follow the root's level
        logging.getLogger(library).setLevel(logging.NOTSET if level <= logging.DEBUG else quiet)
