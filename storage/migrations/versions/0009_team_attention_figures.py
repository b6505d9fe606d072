"""team attention figures: the latest scheduled meeting and the overdue steps, kept per team

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 00:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "last_scheduled_meeting_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("overdue_steps", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("overdue_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_team_state_overdue_on", ["state", "overdue_on"], unique=False)
    # The meeting figure holds for all time; the overdue count is left for no day (overdue_on
    # NULL), so it is read live until the first overview recounts it for its own today.
    op.execute(
        "UPDATE team SET last_scheduled_meeting_at = (SELECT max(meeting.starts_at) "
        "FROM meeting WHERE meeting.team_id = team.id AND meeting.status = 'scheduled')"
    )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index("ix_team_state_overdue_on")
        batch_op.drop_column("overdue_on")
        batch_op.drop_column("overdue_steps")
        batch_op.drop_column("last_scheduled_meeting_at")
