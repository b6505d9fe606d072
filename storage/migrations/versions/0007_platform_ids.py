"""ids and references of any chat platform: 255 characters

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 21:20:00
"""

from collections.abc import Sequence

import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> (column, its length before, nullable); written out so that the revision never changes
WIDENED: dict[str, tuple[tuple[str, int, bool], ...]] = {
    "team": (
        ("channel_id", 32, True),
        ("convenor_id", 32, False),
        ("opened_by", 32, False),
        ("request_key", 128, True),
        ("consent_confirmed_by", 32, False),
        ("closed_by", 32, True),
    ),
    "member": (
        ("user_id", 32, False),
        ("added_by", 32, False),
        ("consent_confirmed_by", 32, False),
        ("removed_by", 32, True),
    ),
    "goal": (("created_by", 32, False),),
    "step": (
        ("owner_user_id", 32, True),
        ("created_by", 32, False),
        ("updated_by", 32, True),
        ("message_ts", 32, True),
    ),
    "meeting": (("created_by", 32, False), ("updated_by", 32, True)),
    "reminder": (("message_ts", 32, True),),
    "auditevent": (("actor_id", 32, False), ("subject_id", 32, True)),
}
WIDE = 255


def _alter(*, widen: bool) -> None:
    for table, columns in WIDENED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, before, nullable in columns:
                old, new = (before, WIDE) if widen else (WIDE, before)
                batch_op.alter_column(
                    column,
                    existing_type=sqlmodel.sql.sqltypes.AutoString(length=old),
                    type_=sqlmodel.sql.sqltypes.AutoString(length=new),
                    existing_nullable=nullable,
                )


def upgrade() -> None:
    _alter(widen=True)


def downgrade() -> None:
    _alter(widen=False)
