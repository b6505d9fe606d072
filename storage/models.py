"""SQLModel tables. Times are aware datetimes stored as UTC."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


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
    channel_id: str | None = Field(default=None, unique=True, max_length=32)
    channel_name: str | None = Field(default=None, max_length=80)
    convenor_id: str = Field(index=True, max_length=32)
    opened_by: str = Field(max_length=32)
    request_key: str | None = Field(default=None, unique=True, max_length=128)
    consent_confirmed_by: str = Field(max_length=32)
    consent_confirmed_at: datetime
    created_at: datetime
    activated_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: str | None = Field(default=None, max_length=32)
    close_reason: str | None = Field(default=None, max_length=32)

    __table_args__ = (UniqueConstraint("year", "number"),)

    @property
    def pk(self) -> int:
        assert self.id is not None, "team not saved yet"
        return self.id

    @property
    def live_channel_id(self) -> str:
        assert self.channel_id is not None, "team has no channel yet"
        return self.channel_id


class Member(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    user_id: str = Field(index=True, max_length=32)
    profession: str | None = Field(default=None, max_length=64)
    added_by: str = Field(max_length=32)
    added_at: datetime
    consent_confirmed_by: str = Field(max_length=32)
    consent_confirmed_at: datetime
    removed_by: str | None = Field(default=None, max_length=32)
    removed_at: datetime | None = None

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)


class AuditAction(enum.StrEnum):
    TEAM_OPENED = "team_opened"
    TEAM_OPEN_FAILED = "team_open_failed"
    TEAM_CLOSED = "team_closed"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"
    CONVENOR_CHANGED = "convenor_changed"


class AuditEvent(SQLModel, table=True):
    """Who did what to which team and when; never free text typed by users."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor_id: str = Field(index=True, max_length=32)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    action: str = Field(max_length=48)
    subject_id: str | None = Field(default=None, max_length=32)
    detail: str | None = Field(default=None, max_length=64)


class ProcessedEvent(SQLModel, table=True):
    """Slack event ids already handled, so that redeliveries are ignored."""

    event_id: str = Field(primary_key=True, max_length=64)
    received_at: datetime = Field(index=True)
