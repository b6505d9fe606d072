"""SQLModel tables. Times are aware datetimes stored as UTC."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Index, MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

# Ids and references a chat platform gives people, channels and messages: Slack's are 9–20
# characters; Microsoft Teams' user, conversation and activity ids run past 100.
PLATFORM_ID = 255


class TeamState(enum.StrEnum):
    PENDING = "pending"  # row reserved, channel being set up
    ACTIVE = "active"
    CLOSED = "closed"
    FAILED = "failed"  # set-up failed and was rolled back; kept for the audit trail


class CloseReason(enum.StrEnum):
    GOALS_REACHED = "goals_reached"
    CLIENT_WISH = "client_wish"
    MOVED_TO_ONE_SERVICE = "moved_to_one_service"
    OTHER = "other"


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    year: int = Field(index=True)
    number: int
    state: str = Field(default=TeamState.PENDING, index=True, max_length=16)
    # The team's space on the chat platform (bot.platform.Space): its reference and name, as
    # the adapter gave them (Slack: a channel id and name). Opaque to the core.
    channel_id: str | None = Field(default=None, unique=True, max_length=PLATFORM_ID)
    channel_name: str | None = Field(default=None, max_length=80)
    convenor_id: str = Field(index=True, max_length=PLATFORM_ID)
    opened_by: str = Field(max_length=PLATFORM_ID)
    request_key: str | None = Field(default=None, unique=True, max_length=PLATFORM_ID)
    consent_confirmed_by: str = Field(max_length=PLATFORM_ID)
    consent_confirmed_at: datetime
    created_at: datetime
    activated_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    close_reason: str | None = Field(default=None, max_length=32)
    # closed as moved to one service: a profession key (bot.teams.professions) or a short
    # free-text service label; not client data, so the purge keeps it
    closed_to_service: str | None = Field(default=None, max_length=60)
    # set once the bot's plan content is deleted from the channel and the channel archived
    channel_archived_at: datetime | None = None
    # after the retention period only anonymous counts remain
    purged_at: datetime | None = None
    final_member_count: int | None = None
    final_step_count: int | None = None
    final_steps_done: int | None = None
    final_meeting_count: int | None = None
    # the client's feedback was marked (bot/feedback): the answer itself is in ClientFeedback,
    # never with the team; kept after the purge, so that it is marked once
    client_feedback_recorded: bool = False
    # Attention figures, which rank the open teams (storage.attention_queries). Invariant, at
    # every commit: last_scheduled_meeting_at is the latest starts_at of the team's scheduled
    # meetings (NULL if none), so the team has a meeting to come iff it is > now; and if
    # overdue_on is set, overdue_steps is the number of the team's open steps due before that
    # day. Every write of a step or meeting recounts its team in the same transaction, after
    # locking the team row; a count for another day than today is not used (read live).
    last_scheduled_meeting_at: datetime | None = None
    overdue_steps: int = 0
    overdue_on: date | None = None

    __table_args__ = (
        UniqueConstraint("year", "number"),
        Index("ix_team_state_overdue_on", "state", "overdue_on"),  # the counts not for today
    )

    @property
    def pk(self) -> int:
        assert self.id is not None, "team not saved yet"
        return self.id

    @property
    def live_channel_id(self) -> str:
        """The space's reference, once it has been opened."""
        assert self.channel_id is not None, "team has no channel yet"
        return self.channel_id


class Member(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    user_id: str = Field(index=True, max_length=PLATFORM_ID)
    profession: str | None = Field(default=None, max_length=64)
    profession_other: str | None = Field(default=None, max_length=60)  # `muu: …`
    organisation: str | None = Field(default=None, max_length=100)
    added_by: str = Field(max_length=PLATFORM_ID)
    added_at: datetime
    consent_confirmed_by: str = Field(max_length=PLATFORM_ID)
    consent_confirmed_at: datetime
    removed_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    removed_at: datetime | None = None
    deactivated_at: datetime | None = None  # the person's platform account was deactivated

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)


class AuditAction(enum.StrEnum):
    TEAM_OPENED = "team_opened"
    TEAM_OPEN_FAILED = "team_open_failed"
    TEAM_CLOSED = "team_closed"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"
    CONVENOR_CHANGED = "convenor_changed"
    GOAL_ADDED = "goal_added"
    GOAL_EDITED = "goal_edited"
    GOAL_REACHED = "goal_reached"
    GOAL_NOT_RELEVANT = "goal_not_relevant"
    GOAL_REOPENED = "goal_reopened"
    GOAL_REMOVED = "goal_removed"
    STEP_ADDED = "step_added"
    STEP_DONE = "step_done"
    STEP_NOT_DONE = "step_not_done"
    STEP_RESCHEDULED = "step_rescheduled"
    STEP_EDITED = "step_edited"
    STEP_DELETED = "step_deleted"
    PLAN_EXPORTED = "plan_exported"
    MEETING_BOOKED = "meeting_booked"
    MEETING_MOVED = "meeting_moved"
    MEETING_CANCELLED = "meeting_cancelled"
    MEETING_HELD = "meeting_held"
    MEETING_NOT_HELD = "meeting_not_held"
    NUDGE_SNOOZED = "nudge_snoozed"
    PLAN_VIEWED = "plan_viewed"
    TEAMS_LISTED = "teams_listed"
    TEAMS_EXPORTED = "teams_exported"
    STATISTICS_VIEWED = "statistics_viewed"
    CONTENT_PURGED = "content_purged"
    # views and refusals (bot.privacy.access)
    HOME_VIEWED = "home_viewed"
    MEMBERS_VIEWED = "members_viewed"
    MEETING_VIEWED = "meeting_viewed"
    ACCESS_REFUSED = "access_refused"  # detail: the action the access rules refused
    COORDINATOR_UNCHECKED = "coordinator_unchecked"  # the coordinator group could not be read
    # the channel is the boundary (bot.teams.channel_guard)
    UNINVITED_JOINED = "uninvited_joined"  # added in Slack without /tiimi lisää; subject: who
    UNINVITED_REMOVED = "uninvited_removed"  # the bot removed them; detail: error if it could not
    ACCOUNT_DEACTIVATED = "account_deactivated"  # a member's platform account; subject: who
    ACCOUNT_REACTIVATED = "account_reactivated"
    # participants without a chat account; subject: `P<number>`, detail: the role key
    PARTICIPANT_ADDED = "participant_added"
    PARTICIPANT_REMOVED = "participant_removed"
    PARTICIPANT_CONTACT_CHANGED = "participant_contact_changed"
    STEP_OWNERS_CHANGED = "step_owners_changed"
    # the network-work self-rating (storage/ratings.py); detail: the target's kind
    RATING_STARTED = "rating_started"
    RATING_CLOSED = "rating_closed"
    RATINGS_VIEWED = "ratings_viewed"
    # staff workshops (bot/workshops); subject: the workshop's id. Notes and dots are never
    # audited: they are anonymous
    WORKSHOP_OPENED = "workshop_opened"
    WORKSHOP_PHASE_CHANGED = "workshop_phase_changed"  # detail: the new phase


class StepStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"  # "ei toteutunut"
    DELETED = "deleted"


class GoalStatus(enum.StrEnum):
    OPEN = "open"
    REACHED = "reached"  # "saavutettu"
    NOT_RELEVANT = "not_relevant"  # "ei enää ajankohtainen"
    REMOVED = "removed"  # its text cleared, its steps no longer under it; its number kept


class Goal(SQLModel, table=True):
    """A goal of the client, in the client's own words; numbered T1, T2… within the team."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    number: int
    text: str = Field(max_length=500)
    status: str = Field(default=GoalStatus.OPEN, max_length=16)
    created_by: str = Field(max_length=PLATFORM_ID)
    created_at: datetime
    updated_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    updated_at: datetime | None = None
    message_ts: str | None = Field(default=None, max_length=PLATFORM_ID)  # its channel message

    __table_args__ = (UniqueConstraint("team_id", "number"),)

    @property
    def pk(self) -> int:
        assert self.id is not None, "goal not saved yet"
        return self.id


class Step(SQLModel, table=True):
    """A small step: who does what by when. Numbered 1, 2… within the team."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    number: int
    text: str = Field(max_length=500)
    goal_id: int | None = Field(default=None, foreign_key="goal.id")
    due_date: date | None = None
    status: str = Field(default=StepStatus.OPEN, max_length=16, index=True)
    created_by: str = Field(max_length=PLATFORM_ID)
    created_at: datetime
    updated_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    updated_at: datetime | None = None
    message_ts: str | None = Field(
        default=None, max_length=PLATFORM_ID
    )  # the step's channel message

    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        Index("ix_step_team_id_status_due_date", "team_id", "status", "due_date"),
        Index("ix_step_status_due_date_team_id", "status", "due_date", "team_id"),
    )

    @property
    def pk(self) -> int:
        assert self.id is not None, "step not saved yet"
        return self.id


class Participant(SQLModel, table=True):
    """A participant without a chat account (the client, a close person, an NGO worker…),
    named by role and organisation only, never by name; numbered P1, P2… within the team
    (the client is P1, from the team's opening)."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    number: int
    role: str = Field(max_length=64)  # a profession key (bot.teams.professions)
    organisation: str | None = Field(default=None, max_length=100)
    # the member reminded of the participant's steps; None: whoever is the convenor
    contact_user_id: str | None = Field(default=None, max_length=PLATFORM_ID)
    added_by: str = Field(max_length=PLATFORM_ID)
    added_at: datetime
    removed_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    removed_at: datetime | None = None

    __table_args__ = (UniqueConstraint("team_id", "number"),)

    @property
    def pk(self) -> int:
        assert self.id is not None, "participant not saved yet"
        return self.id


class StepOwner(SQLModel, table=True):
    """One owner (vastuutaho) of a step: a member (`user_id`) or a participant."""

    __tablename__ = "step_owner"

    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(foreign_key="step.id", index=True)
    user_id: str | None = Field(default=None, index=True, max_length=PLATFORM_ID)
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True)


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"  # booked; once past, not yet answered whether it was held
    HELD = "held"  # the team answered Pidettiin after it
    NOT_HELD = "not_held"  # the team answered Ei pidetty
    CANCELLED = "cancelled"


# Meetings booked and not known not to have taken place: the team's last and next meetings.
MEETING_KEPT = (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


class Meeting(SQLModel, table=True):
    """A team meeting; the next one is the earliest scheduled meeting still to come."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    starts_at: datetime = Field(index=True)
    ends_at: datetime | None = None  # booked with a range (`klo 14-15`); else MEETING_LENGTH
    place: str | None = Field(default=None, max_length=300)
    status: str = Field(default=MeetingStatus.SCHEDULED, max_length=16)
    created_by: str = Field(max_length=PLATFORM_ID)
    created_at: datetime
    updated_by: str | None = Field(default=None, max_length=PLATFORM_ID)
    updated_at: datetime | None = None

    __table_args__ = (
        Index("ix_meeting_team_id_status_starts_at", "team_id", "status", "starts_at"),
        Index("ix_meeting_status_starts_at_team_id", "status", "starts_at", "team_id"),
    )

    @property
    def pk(self) -> int:
        assert self.id is not None, "meeting not saved yet"
        return self.id


class ReminderKind(enum.StrEnum):
    MEETING_BEFORE = "meeting_before"
    MEETING_AFTER = "meeting_after"
    STEP_DUE = "step_due"
    NO_MEETING_NUDGE = "no_meeting_nudge"
    EXPERIMENT_REVIEW = "experiment_review"  # a Ratkaisupaja's experiment: no team's


class ReminderState(enum.StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"  # leased by one process while it sends
    SENT = "sent"
    SKIPPED = "skipped"  # its moment passed (e.g. the meeting had started) during downtime
    FAILED = "failed"  # a permanent error, with the reason
    CANCELLED = "cancelled"  # its meeting, step or team changed


class Reminder(SQLModel, table=True):
    """A promised message: claimed atomically, sent once, then marked with the message id.
    A team's, or (with no team) a staff workshop's experiment's."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    experiment_id: int | None = Field(
        default=None, foreign_key="workshop_experiment.id", index=True
    )
    kind: str = Field(max_length=24)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    step_id: int | None = Field(default=None, foreign_key="step.id", index=True)
    offset_minutes: int | None = None  # meeting reminders: how long before the meeting
    due_at: datetime  # when to send, after moving out of quiet hours
    state: str = Field(default=ReminderState.PENDING, max_length=16)
    lease_until: datetime | None = None
    claimed_by: str | None = Field(default=None, max_length=64)
    attempts: int = 0
    sent_at: datetime | None = None
    message_ts: str | None = Field(default=None, max_length=PLATFORM_ID)
    late: bool = False
    failure_reason: str | None = Field(default=None, max_length=64)
    created_at: datetime

    __table_args__ = (
        Index("ix_reminder_state_due_at", "state", "due_at"),
        Index("ix_reminder_team_id_state", "team_id", "state"),
    )

    @property
    def pk(self) -> int:
        assert self.id is not None, "reminder not saved yet"
        return self.id


class AuditEvent(SQLModel, table=True):
    """Who did what to which team and when; never free text typed by users."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor_id: str = Field(index=True, max_length=PLATFORM_ID)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    action: str = Field(max_length=48)
    subject_id: str | None = Field(default=None, max_length=PLATFORM_ID)
    detail: str | None = Field(default=None, max_length=64)


class ProcessedEvent(SQLModel, table=True):
    """Keys of requests already handled (`event:<event_id>`, `command:`, `action:` or
    `view:<trigger_id>`, `form:<view_id>`), so that a redelivered or replayed request changes
    nothing (bot/privacy/request_log.py). `event_id` holds the key; it was named when it held
    event ids only."""

    event_id: str = Field(primary_key=True, max_length=255)
    received_at: datetime = Field(index=True)


class FeedbackAnswer(enum.StrEnum):
    """The client's answer to "Sain apua, kun sitä tarvitsin": 1–5, or the client was not asked."""

    ONE = "1"
    TWO = "2"
    THREE = "3"
    FOUR = "4"
    FIVE = "5"
    NOT_ASKED = "not_asked"


class ClientFeedback(SQLModel, table=True):
    """How many clients gave each answer in a month (bot/feedback): a count per month and
    answer, with no team, no person, no finer time and no row per answer (whose order could
    be matched with the teams' closing times). Never purged: it is an anonymous count."""

    __tablename__ = "client_feedback"

    month: date = Field(primary_key=True)  # the first day of the month the answers were marked
    answer: str = Field(primary_key=True, max_length=16)  # a FeedbackAnswer
    count: int = 0


# The platform adapters', the self-rating's and the workshops' tables share this metadata
# (Alembic and the schema checks see them).
from storage import platform_records, ratings, workshops  # noqa: E402, F401
