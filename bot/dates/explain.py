"""Finnish (or Swedish, English) explanations of date parse errors."""

from __future__ import annotations

from datetime import date, datetime

from bot.dates import DateParseError, format_date
from bot.i18n import Catalog
from bot.replies import Runs


def explain(t: Catalog, error: DateParseError) -> Runs:
    params = {
        key: format_date(value.date() if isinstance(value, datetime) else value, t.lang)
        if isinstance(value, date)
        else value
        for key, value in error.params.items()
    }
    return t(f"date_{error.code}", **params)
