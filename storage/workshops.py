"""Workshops of a unit's staff (Hukkapaja): the workshop, its anonymous notes, the themes the
notes are grouped into and the dots given to themes. A note has no author column, and a dot's
voter is a pseudonym kept only while the vote is open (bot/privacy/pseudonyms.py)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models import PLATFORM_ID

KEY_LENGTH = 64  # bot.privacy.pseudonyms.KEY_HEX_LENGTH
SALT_LENGTH = 32  # bot.privacy.pseudonyms.SALT_HEX_LENGTH


class WorkshopKind(enum.StrEnum):
    HUKKA = "hukka"  # find the obstacles to collaboration (waste)
    RATKAISU = "ratkaisu"  # solve a Hukkapaja's biggest themes with experiments


class WorkshopPhase(enum.StrEnum):
    COLLECTING = "collecting"  # notes are written
    GROUPING = "grouping"  # the facilitator groups the notes into themes
    VOTING = "voting"  # dots are given to themes; the count is hidden
    RESULTS = "results"  # the vote is closed: themes ranked, the biggest carried forward


class Workshop(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)  # a WorkshopKind
    topic: str = Field(max_length=200)
    space_id: str = Field(index=True, max_length=PLATFORM_ID)  # the staff space it lives in
    # the space while the workshop runs, NULL once it has its results: one running per space
    open_space: str | None = Field(default=None, unique=True, max_length=PLATFORM_ID)
    facilitator_id: str = Field(max_length=PLATFORM_ID)  # who opened it and leads it
    phase: str = Field(default=WorkshopPhase.COLLECTING, max_length=16)
    dots_per_person: int = 3
    message_ref: str | None = Field(default=None, max_length=PLATFORM_ID)  # its card
    # grows with every change the card shows, so that the card is redrawn until it is current
    card_version: int = 0
    salt: str | None = Field(default=None, max_length=SALT_LENGTH)  # NULL once the vote closed
    voter_count: int | None = None  # set when the vote closes (the keys are gone then)
    # a Ratkaisupaja: the Hukkapaja whose carried-forward themes it solves (one per Hukkapaja)
    source_id: int | None = Field(default=None, foreign_key="workshop.id", unique=True)
    created_at: datetime
    phase_changed_at: datetime

    @property
    def pk(self) -> int:
        assert self.id is not None, "workshop not saved yet"
        return self.id


class WorkshopTheme(SQLModel, table=True):
    """A group of notes, named by the facilitator; numbered 1, 2… within the workshop."""

    __tablename__ = "workshop_theme"

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    number: int
    name: str = Field(max_length=60)
    dots: int | None = None  # counted when the vote closes
    carried_forward: bool = False  # one of the biggest, taken to a Ratkaisupaja

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    @property
    def pk(self) -> int:
        assert self.id is not None, "theme not saved yet"
        return self.id


class WorkshopNote(SQLModel, table=True):
    """One obstacle, anonymous: who wrote it is kept nowhere. Numbered when the collecting
    ends, in a random order, so that the order of writing leads back to no one."""

    __tablename__ = "workshop_note"

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    number: int | None = None
    text: str = Field(max_length=200)
    waste: str | None = Field(default=None, max_length=24)  # a bot.workshops.waste.Waste
    theme_id: int | None = Field(default=None, foreign_key="workshop_theme.id", index=True)


class WorkshopDot(SQLModel, table=True):
    """One dot on a theme; `voter` tells one person's dots apart while the vote is open."""

    __tablename__ = "workshop_dot"

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id")
    theme_id: int = Field(foreign_key="workshop_theme.id", index=True)
    voter: str | None = Field(default=None, max_length=KEY_LENGTH)

    __table_args__ = (Index("ix_workshop_dot_workshop_id_voter", "workshop_id", "voter"),)


class ExperimentOutcome(enum.StrEnum):
    KEPT = "kept"  # becomes one of the agreed collaboration practices
    CHANGED = "changed"
    DROPPED = "dropped"


class WorkshopCase(SQLModel, table=True):
    """A client case walked through in a Ratkaisupaja, written pseudonymously (1 or 2)."""

    __tablename__ = "workshop_case"

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    number: int
    text: str = Field(max_length=1000)

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)


class WorkshopExperiment(SQLModel, table=True):
    """An agreed solution to a carried-forward theme, tried until its review date; numbered
    1, 2… within its Ratkaisupaja. `owners`: the people's platform ids, space-separated."""

    __tablename__ = "workshop_experiment"

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True)
    theme_id: int = Field(foreign_key="workshop_theme.id")
    number: int
    what: str = Field(max_length=300)
    owners: str = Field(max_length=1300)
    review_date: date
    outcome: str | None = Field(default=None, max_length=16)  # an ExperimentOutcome
    outcome_note: str | None = Field(default=None, max_length=300)
    reviewed_at: datetime | None = None
    practice_order: int | None = None  # a kept one's place in the practices' flow

    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    @property
    def pk(self) -> int:
        assert self.id is not None, "experiment not saved yet"
        return self.id

    @property
    def owner_ids(self) -> tuple[str, ...]:
        return tuple(self.owners.split())
