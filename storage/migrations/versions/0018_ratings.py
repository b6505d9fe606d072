"""ratings: the network-work self-rating's rounds and answers (storage/ratings.py)

`rating_round` is one round for a staff channel's or a group's members (one open round per
target: a partial unique index); `rating_answer` one answer, keyed by a pseudonym of its
respondent while the round is open and by nothing once it has closed. Both start empty.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = 255  # storage.models.PLATFORM_ID
_OPEN = sa.text("closed_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "rating_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("target_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("target_name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
        sa.Column("started_by", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closes_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("salt", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("repeat_months", sa.Integer(), nullable=True),
        sa.Column("next_due_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("asked", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_round")),
    )
    with op.batch_alter_table("rating_round", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rating_round_target_kind_target_id", ["target_kind", "target_id"], unique=False
        )
        batch_op.create_index(
            "uq_rating_round_open_target",
            ["target_kind", "target_id"],
            unique=True,
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        )
        batch_op.create_index(
            batch_op.f("ix_rating_round_next_due_at"), ["next_due_at"], unique=False
        )
    op.create_table(
        "rating_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("respondent", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_rating_answer_score_range")),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rating_round.id"], name=op.f("fk_rating_answer_round_id_rating_round")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_answer")),
        sa.UniqueConstraint(
            "round_id", "respondent", name=op.f("uq_rating_answer_round_id_respondent")
        ),
    )
    with op.batch_alter_table("rating_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_answer_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rating_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_answer_round_id"))
    op.drop_table("rating_answer")
    with op.batch_alter_table("rating_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_round_next_due_at"))
        batch_op.drop_index("uq_rating_round_open_target")
        batch_op.drop_index("ix_rating_round_target_kind_target_id")
    op.drop_table("rating_round")
