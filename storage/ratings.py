"""Network-work self-rating rounds (`/arvio`) and their answers.

While a round is open, an answer row carries its respondent's pseudonymous key (a keyed hash
of the user id under the round's salt, bot/privacy/pseudonyms.py), so that each person answers
once and may change the answer. Closing the round drops the salt and every key, and then no
answer leads back to anyone. The rows are made for the people asked, in the order of their
keys (which the dropped salt decided), so neither ids nor order tell who is who."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.models import PLATFORM_ID

SALT_LENGTH = 32  # bot.privacy.pseudonyms.SALT_HEX_LENGTH
KEY_LENGTH = 64  # bot.privacy.pseudonyms.KEY_HEX_LENGTH


class RatingTarget(enum.StrEnum):
    SPACE = "space"  # the members of a staff channel (a space that is not a case team's)
    GROUP = "group"  # the members of a user group (Slack) or an Entra group (Teams)


class RatingRound(SQLModel, table=True):
    """One round of the self-rating for a staff channel's or a group's members."""

    __tablename__ = "rating_round"

    id: int | None = Field(default=None, primary_key=True)
    target_kind: str = Field(max_length=8)  # a RatingTarget
    target_id: str = Field(max_length=PLATFORM_ID)  # the space's or the group's id
    target_name: str | None = Field(default=None, max_length=80)  # a group as it was named
    started_by: str = Field(max_length=PLATFORM_ID)  # the coordinator (or whose round repeats)
    opened_at: datetime
    closes_at: datetime  # at the latest; the next round's opening closes it earlier
    closed_at: datetime | None = None
    salt: str | None = Field(default=None, max_length=SALT_LENGTH)  # dropped at closing
    repeat_months: int | None = None  # None: the round does not repeat
    next_due_at: datetime | None = Field(default=None, index=True)  # the next round's opening
    asked: int = 0  # how many people the question reached
    answered: int | None = None  # set at closing

    __table_args__ = (
        Index("ix_rating_round_target_kind_target_id", "target_kind", "target_id"),
        # one open round per channel or group, whichever process opens it
        Index(
            "uq_rating_round_open_target",
            "target_kind",
            "target_id",
            unique=True,
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
    )

    @property
    def pk(self) -> int:
        assert self.id is not None, "round not saved yet"
        return self.id


class RatingAnswer(SQLModel, table=True):
    """One person's answer in a round: made empty for each person asked, scored when they
    answer; `respondent` is NULL once the round has closed."""

    __tablename__ = "rating_answer"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="rating_round.id", index=True)
    respondent: str | None = Field(default=None, max_length=KEY_LENGTH)
    score: int | None = None  # 1–5; None: asked, not answered

    __table_args__ = (
        UniqueConstraint("round_id", "respondent"),  # NULLs (closed rounds) never collide
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )
