"""platform records: conversation references for posts outside any turn, the bot's posts

Two tables of a platform adapter's own (storage/platform_records.py; the Teams adapter is the
first to use them): `conversation_reference` keeps how to reach a chat proactively (the Agents
SDK's reference and claims as JSON), `platform_post` each message the bot posted there, with
the core's post key for a post made once. Neither holds message text; both start empty.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 06:43:40
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = 255  # storage.models.PLATFORM_ID


def upgrade() -> None:
    op.create_table(
        "conversation_reference",
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("service_url", sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
        sa.Column("reference_json", sa.Text(), nullable=False),
        sa.Column("claims_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_conversation_reference")),
    )
    with op.batch_alter_table("conversation_reference", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_reference_user_id"), ["user_id"], unique=False
        )
    op.create_table(
        "platform_post",
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("activity_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=False),
        sa.Column("key_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=True),
        sa.Column("posted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", "activity_id", name=op.f("pk_platform_post")),
        sa.UniqueConstraint(
            "conversation_id",
            "key_kind",
            "key_id",
            name=op.f("uq_platform_post_conversation_id_key_kind_key_id"),
        ),
    )


def downgrade() -> None:
    op.drop_table("platform_post")
    with op.batch_alter_table("conversation_reference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_reference_user_id"))
    op.drop_table("conversation_reference")
