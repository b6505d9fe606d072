"""`/tiimi tilastot`: anonymous aggregates over a period, for coordinators."""

from __future__ import annotations

import itertools
import statistics as stats
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.audit import audit_now
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory
from bot.dates import format_date
from bot.feedback import MINIMUM
from bot.feedback.messages import SCALE
from bot.i18n import Catalog
from bot.privacy import access
from bot.privacy.access import Action
from bot.replies import Header, Message, Runs, Text, join
from bot.teams.close_service import service_label
from bot.teams.professions import profession_label
from storage import feedback_queries, statistics_queries
from storage.models import AuditAction, FeedbackAnswer, StepStatus


@dataclass(frozen=True)
class Figures:
    opened: int
    closed: int
    reasons: dict[str, int]
    median_days_to_first_meeting: float | None
    median_days_between_meetings: float | None
    done_by_due_date: float | None  # share of steps due in the period
    professions: dict[str, int] = field(default_factory=dict)
    services: dict[str, int] = field(default_factory=dict)  # moved to one service: which
    feedback: dict[str, int] = field(default_factory=dict)  # the clients' answers, counted


class StatisticsService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def report(self, *, actor: Actor, year: int | None) -> Message:
        roles = await access.actor_roles(self.coordinators, actor)
        await access.require(self.core, actor, Action.STATISTICS, roles)
        start, end = self._period(year)
        figures = await self.figures(start=start, end=end)
        await audit_now(
            self.core, AuditAction.STATISTICS_VIEWED, actor=actor, detail=str(year or "365d")
        )
        return self._render(actor, figures, start=start, end=end)

    async def figures(self, *, start: datetime, end: datetime) -> Figures:
        tz = self.core.timezone
        today = self.core.clock.now().astimezone(tz).date()
        async with self.core.database.session() as session:
            opened = await statistics_queries.opened_count(session, start=start, end=end)
            reasons = await statistics_queries.closing_reasons(session, start=start, end=end)
            services = await statistics_queries.closed_to_services(session, start=start, end=end)
            firsts = await statistics_queries.first_meetings(session, start=start, end=end)
            meetings = await statistics_queries.meeting_times(session, start=start, end=end)
            steps = await statistics_queries.steps_due(
                session,
                first=start.astimezone(tz).date(),
                last=min(today, (end - timedelta(seconds=1)).astimezone(tz).date()),
            )
            professions = await statistics_queries.professions_involved(
                session, start=start, end=end
            )
            feedback = await feedback_queries.answers_in(  # the months that begin in the period
                session,
                first=start.astimezone(tz).date(),
                last=(end - timedelta(seconds=1)).astimezone(tz).date(),
            )
        to_first = [(_utc(met) - _utc(opened)).total_seconds() / 86400 for opened, met in firsts]
        gaps = [
            (_utc(b[1]) - _utc(a[1])).total_seconds() / 86400
            for a, b in itertools.pairwise(meetings)
            if a[0] == b[0]
        ]
        on_time = sum(
            1
            for status, due, changed in steps
            if status == StepStatus.DONE and changed and _utc(changed).astimezone(tz).date() <= due
        )
        return Figures(
            opened=opened,
            closed=sum(reasons.values()),
            reasons=reasons,
            median_days_to_first_meeting=round(stats.median(to_first), 1) if to_first else None,
            median_days_between_meetings=round(stats.median(gaps), 1) if gaps else None,
            done_by_due_date=round(on_time / len(steps), 3) if steps else None,
            professions=dict(Counter(professions).most_common()),
            services=dict(sorted(services.items(), key=lambda item: (-item[1], item[0]))),
            feedback=feedback,
        )

    def _period(self, year: int | None) -> tuple[datetime, datetime]:
        if year is None:
            end = self.core.clock.now()
            return end - timedelta(days=365), end
        tz = self.core.timezone
        return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)

    def _render(self, actor: Actor, f: Figures, *, start: datetime, end: datetime) -> Message:
        t, tz = actor.t, self.core.timezone
        period = (
            f"{format_date(start.astimezone(tz).date(), t.lang)}–"
            f"{format_date((end - timedelta(seconds=1)).astimezone(tz).date(), t.lang)}"
        )
        missing = t.plain("stats_no_data")
        reasons = (
            ", ".join(f"{t.plain(f'reason_{r}')} {n}" for r, n in sorted(f.reasons.items())) or "–"
        )
        professions = (
            ", ".join(f"{profession_label(p, t.lang) or p} {n}" for p, n in f.professions.items())
            or "–"
        )
        services = ", ".join(f"{service_label(s, t.lang)} {n}" for s, n in f.services.items())
        lines = [
            t("stats_opened_closed", opened=f.opened, closed=f.closed),
            t("stats_reasons", reasons=reasons),
            t("stats_services", services=services or "–"),
            t("stats_first_meeting", days=_days(t, f.median_days_to_first_meeting, missing)),
            t("stats_interval", days=_days(t, f.median_days_between_meetings, missing)),
            t("stats_on_time", share=_pct(f.done_by_due_date, missing)),
            t("stats_professions", professions=professions),
            _feedback(t, f.feedback),
        ]
        header = t("stats_header", period=period)
        return Message(header, blocks=(Header(header), Text(join("\n", lines))))


def _feedback(t: Catalog, counts: dict[str, int]) -> Runs:
    """The counts per answer and the mean of 1–5, or, below MINIMUM answers 1–5, only that
    there are too few to show without revealing anyone."""
    answered = sum(counts.get(a, 0) for a in SCALE)
    if answered < MINIMUM:
        return t("stats_feedback_too_few", minimum=MINIMUM)
    mean = sum(int(a) * counts.get(a, 0) for a in SCALE) / answered
    mean_text = f"{mean:.1f}" if t.lang == "en" else f"{mean:.1f}".replace(".", ",")
    one, two, three, four, five = (counts.get(a, 0) for a in SCALE)
    return t(
        "stats_feedback",
        one=one,
        two=two,
        three=three,
        four=four,
        five=five,
        mean=mean_text,
        answered=answered,
        not_asked=counts.get(FeedbackAnswer.NOT_ASKED, 0),
    )


def _days(t: Catalog, value: float | None, missing: str) -> str:
    if value is None:
        return missing
    return t.plain("stats_days", days=f"{value:.1f}".replace(".", ","))


def _pct(value: float | None, missing: str) -> str:
    return missing if value is None else f"{round(value * 100)} %"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
