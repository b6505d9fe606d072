"""The Ratkaisupaja's summary as plain text for the unit's own documents: its themes, the
client cases, the experiments with their owners, review dates and outcomes, and the agreed
collaboration practices in their order. People are named by their display names; no one's
platform id is in it."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from bot.dates.format import format_date
from bot.i18n import Catalog
from bot.workshops.solution_card import flow_text
from bot.workshops.solutions import SolutionState


def people_in(state: SolutionState) -> list[str]:
    """Whose names the summary shows: the facilitator and the experiments' owners."""
    found = [state.workshop.facilitator_id]
    found += [owner for e in state.experiments for owner in e.owner_ids]
    return list(dict.fromkeys(found))


def summary_text(t: Catalog, state: SolutionState, names: Mapping[str, str], tz: ZoneInfo) -> str:
    workshop, lang = state.workshop, t.lang
    lines = [
        t.plain("solution_card_header", topic=workshop.topic),
        t.plain(
            "solution_summary_opened",
            date=format_date(workshop.created_at.astimezone(tz).date(), lang),
            name=names.get(workshop.facilitator_id, workshop.facilitator_id),
        ),
        "",
        t.plain("solution_summary_themes"),
    ]
    for number, theme in enumerate(state.themes, 1):
        lines.append(
            f"{number}. {theme.name} ({t.plain('workshop_card_dots', count=theme.dots or 0)})"
        )
    if state.cases:
        lines += ["", t.plain("solution_summary_cases")]
        lines += [f"{case.number}. {case.text}" for case in state.cases]
    lines += ["", t.plain("solution_summary_experiments")]
    if not state.experiments:
        lines.append(t.plain("solution_summary_none"))
    themes = {theme.pk: theme.name for theme in state.themes}
    for e in state.experiments:
        owners = ", ".join(names.get(owner, owner) for owner in e.owner_ids)
        lines += [
            f"K{e.number}. {e.what} ({themes.get(e.theme_id, '')})",
            "   " + t.plain("solution_summary_owners", names=owners),
            "   " + t.plain("solution_summary_review", date=format_date(e.review_date, lang)),
        ]
        if e.outcome:
            outcome = t.plain(f"solution_outcome_{e.outcome}")
            note = f": {e.outcome_note}" if e.outcome_note else ""
            lines.append("   " + t.plain("solution_summary_outcome", outcome=outcome + note))
    lines += ["", t.plain("solution_practices")]
    practices = state.practices
    lines += [f"{place}. {e.what}" for place, e in enumerate(practices, 1)]
    if practices:
        lines += ["", t.plain("solution_summary_flow", flow=flow_text(practices))]
    else:
        lines.append(t.plain("solution_summary_none"))
    return "\n".join(lines) + "\n"
