"""participants without a chat account; every team's client is one (P1) from its opening

Participants are named by role and organisation only (never by name). Each team that still
has its content (not purged) gets its client participant P1, added by whoever opened the team
when it was opened; its contact member is the convenor (NULL).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = 255  # storage.models.PLATFORM_ID


def upgrade() -> None:
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("contact_user_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=True),
        sa.Column("added_by", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("removed_by", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=True),
        sa.Column("removed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_participant_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint("team_id", "number", name=op.f("uq_participant_team_id_number")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_team_id"), ["team_id"], unique=False)
    op.execute(
        "INSERT INTO participant (team_id, number, role, added_by, added_at) "
        "SELECT id, 1, 'client', opened_by, created_at FROM team WHERE purged_at IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_team_id"))
    op.drop_table("participant")
