"""request keys of any platform, channel archiving after closing, deactivated accounts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("processedevent", schema=None) as batch_op:
        batch_op.alter_column(
            "event_id",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
            type_=sqlmodel.sql.sqltypes.AutoString(length=255),
            existing_nullable=False,
        )

    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("channel_archived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    # Teams closed before this revision had their channel archived as they closed.
    op.execute("UPDATE team SET channel_archived_at = closed_at WHERE state = 'closed'")

    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("deactivated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("deactivated_at")

    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("channel_archived_at")

    with op.batch_alter_table("processedevent", schema=None) as batch_op:
        batch_op.alter_column(
            "event_id",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=255),
            type_=sqlmodel.sql.sqltypes.AutoString(length=64),
            existing_nullable=False,
        )
