"""closed to service: the service a team closed by moving to one service moved to

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-07 04:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE on both databases (SQLite 3.35+ drops a column in place): a batch
# operation would copy the team table, which the rows referring to it do not allow.


def upgrade() -> None:
    op.add_column(
        "team",
        sa.Column("closed_to_service", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("team", "closed_to_service")
