"""client feedback: the clients' answers to "Sain apua, kun sitä tarvitsin" as counts per month

A table of counts (month, answer, count), with no team, person or finer time, and a flag on
the team row that its client's answer was marked (once). Old teams have none marked.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE on both databases, as in 0015: a batch operation would copy the team
# table, which the rows referring to it do not allow.


def upgrade() -> None:
    op.create_table(
        "client_feedback",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("answer", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "answer", name=op.f("pk_client_feedback")),
    )
    op.add_column(
        "team",
        sa.Column(
            "client_feedback_recorded", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )


def downgrade() -> None:
    op.drop_column("team", "client_feedback_recorded")
    op.drop_table("client_feedback")
