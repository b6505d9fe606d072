"""The one error the date parser raises."""

from __future__ import annotations


class DateParseError(ValueError):
    """A date or time the user typed that cannot be used as is.

    `code` is one of ``CODES``; `params` carries what the UI needs to explain the
    problem or offer alternatives (see the module docstring of ``bot.dates``).
    """

    CODES = frozenset(
        {
            "unrecognised",
            "impossible",
            "past",
            "weekday_mismatch",
            "impossible_time",
            "nonexistent_time",
            "missing_time",
            "missing_date",
            "spoken_time",
            "end_before_start",
        }
    )

    def __init__(self, code: str, params: dict[str, object] | None = None) -> None:
        if code not in self.CODES:
            raise AssertionError(f"unknown DateParseError code {code!r}")
        super().__init__(code)
        self.code = code
        self.params: dict[str, object] = dict(params or {})

    def __repr__(self) -> str:
        return f"DateParseError({self.code!r}, {self.params!r})"
