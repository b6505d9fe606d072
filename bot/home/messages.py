"""The Home tab's content, within 100 blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.coordinators.overview_messages import team_line
from bot.dates import day, moment
from bot.i18n import Catalog
from bot.plan.messages import numbered
from bot.plan.owners import participant_label
from bot.replies import (
    Block,
    Button,
    Buttons,
    Divider,
    Header,
    Message,
    Note,
    Person,
    Runs,
    SpaceLink,
    Text,
    compose,
    join,
    strong,
)
from bot.teams.professions import profession_label
from storage.models import Participant, Step, Team
from storage.overview_queries import OpenTeamCounts, TeamStatus

Row = TypeVar("Row")


@dataclass(frozen=True)
class Listing(Generic[Row]):
    """The rows shown and how many there are in all (more when the view cut the list)."""

    rows: Sequence[Row]
    total: int

    def more(self, t: Catalog, key: str) -> list[Block]:
        """A note saying how many rows are left out and how to see them, if any are."""
        count = self.total - len(self.rows)
        if count <= 0:
            return []
        return [Note(t(key, count=count))]


@dataclass(frozen=True)
class CoordinatorView:
    top: Sequence[TeamStatus]
    counts: OpenTeamCounts


def home(
    t: Catalog,
    *,
    user_id: str,
    teams: Listing[tuple[Team, datetime | None, int]],
    steps: Listing[tuple[Step, Team, str | None]],
    orphans: Listing[tuple[Step, Team, str | Participant]],
    overview: CoordinatorView | None,
    now: datetime,
    tz: ZoneInfo,
    coordinator_unchecked: bool = False,
) -> Message:
    blocks: list[Block] = [Header(t("home_header"))]
    lines = []
    for team, meeting, deactivated in teams.rows:
        parts: list[Runs] = [
            t("home_team_line", code=team.code, channel=SpaceLink(str(team.channel_id))),
            compose(moment(meeting, tz, t.lang)) if meeting else t("overview_no_meeting"),
        ]
        if team.convenor_id == user_id:
            parts.append(t("convenor"))
        if deactivated:
            parts.append(t("overview_deactivated", count=deactivated))
        lines.append(join(" · ", parts))
    blocks.append(Text(join("\n", lines) if lines else t("home_no_teams")))
    blocks += teams.more(t, "home_more_teams")
    blocks += [Divider(), Header(t("home_my_steps"))]
    today = now.astimezone(tz).date()
    for step, team, via in steps.rows:
        due = compose(day(step.due_date, t.lang)) if step.due_date else t("due_none")
        late = (" · ", t("overdue_mark")) if step.due_date and step.due_date < today else ()
        line = compose(strong(team.code), " · ", numbered(str(step.number), step.text), " · ", due)
        if via is not None:  # a participant's step, of whom the user is the contact
            label = profession_label(via, t.lang) or via
            line = compose(
                line, " · ", t("home_contact_for", participant=label[:1].upper() + label[1:])
            )
        blocks.append(Text(compose(line, *late)))
        blocks.append(
            Buttons(
                (
                    Button(
                        action_ids.HOME_STEP_DONE,
                        t.plain("button_done"),
                        f"{team.pk}:{step.number}",
                        "primary",
                    ),
                )
            )
        )
    if not steps.rows:
        blocks.append(Text(t("home_no_steps")))
    blocks += steps.more(t, "home_more_steps")
    if orphans.rows:
        blocks += [Divider(), Header(t("home_orphans"))]
        blocks.append(
            Text(
                join(
                    "\n",
                    (
                        compose(
                            strong(team.code),
                            " · ",
                            numbered(str(s.number), s.text),
                            " · ",
                            _gone(t, gone),
                        )
                        for s, team, gone in orphans.rows
                    ),
                )
            )
        )
        blocks += orphans.more(t, "home_more_steps")
    if overview is not None:
        blocks += [Divider(), Header(t("home_coordinator"))]
        blocks.append(
            Text(
                t(
                    "home_counts",
                    open=overview.counts.open_teams,
                    unbooked=overview.counts.without_meeting,
                    late=overview.counts.with_overdue,
                )
            )
        )
        blocks += [Text(team_line(t, row, now=now, tz=tz)) for row in overview.top]
    elif coordinator_unchecked:
        blocks += [Divider(), Note(t("home_coordinator_unchecked"))]
    blocks += [Divider(), Note(t("help_privacy"))]
    return Message(t("home_header"), blocks=tuple(blocks[:100]))


def _gone(t: Catalog, owner: str | Participant) -> Runs:
    """The owner who left: a member, or a participant removed (by role, never a name)."""
    if isinstance(owner, str):
        return compose(Person(owner))
    return compose(participant_label(t, owner))
