"""solution workshops: the Ratkaisupaja's cases and experiments, and experiment reminders

A workshop gets `source_id` (a Ratkaisupaja's Hukkapaja, unique: one per Hukkapaja); two new
tables, empty at first: `workshop_case` (a pseudonymous client case) and `workshop_experiment`.
A reminder's `team_id` may now be NULL: an experiment's review reminder (`experiment_id`)
belongs to no team.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_workshop_source_id"), ["source_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_workshop_source_id_workshop"), "workshop", ["source_id"], ["id"]
        )

    op.create_table(
        "workshop_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshop.id"], name=op.f("fk_workshop_case_workshop_id_workshop")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_case")),
        sa.UniqueConstraint(
            "workshop_id", "number", name=op.f("uq_workshop_case_workshop_id_number")
        ),
    )
    with op.batch_alter_table("workshop_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workshop_case_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "workshop_experiment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("what", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("owners", sqlmodel.sql.sqltypes.AutoString(length=1300), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("outcome_note", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("reviewed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("practice_order", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["workshop_theme.id"],
            name=op.f("fk_workshop_experiment_theme_id_workshop_theme"),
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_workshop_experiment_workshop_id_workshop"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_experiment")),
        sa.UniqueConstraint(
            "workshop_id", "number", name=op.f("uq_workshop_experiment_workshop_id_number")
        ),
    )
    with op.batch_alter_table("workshop_experiment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workshop_experiment_workshop_id"), ["workshop_id"], unique=False
        )

    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("experiment_id", sa.Integer(), nullable=True))
        batch_op.alter_column("team_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_reminder_experiment_id"), ["experiment_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_reminder_experiment_id_workshop_experiment"),
            "workshop_experiment",
            ["experiment_id"],
            ["id"],
        )


def downgrade() -> None:
    op.execute("DELETE FROM reminder WHERE team_id IS NULL")
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_reminder_experiment_id_workshop_experiment"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_reminder_experiment_id"))
        batch_op.alter_column("team_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("experiment_id")

    with op.batch_alter_table("workshop_experiment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_experiment_workshop_id"))
    op.drop_table("workshop_experiment")
    with op.batch_alter_table("workshop_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_case_workshop_id"))
    op.drop_table("workshop_case")

    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_workshop_source_id_workshop"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_workshop_source_id"), type_="unique")
        batch_op.drop_column("source_id")
