"""member role: a free-text profession (`muu: …`) and an organisation or unit per member

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "profession_other", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("organisation")
        batch_op.drop_column("profession_other")
