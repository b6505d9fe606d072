"""workshops: the staff's Hukkapaja (its notes, themes and dots)

Four new tables, empty at first. A workshop's `kind` tells a Hukkapaja from the workshops to
come; `open_space` is unique, so that a space runs one workshop at a time. A note has no
author column; a dot's `voter` is a pseudonym under the workshop's salt, both set to NULL
when the vote closes.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 12:38:08
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workshop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("space_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("open_space", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("facilitator_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("phase", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("dots_per_person", sa.Integer(), nullable=False),
        sa.Column("message_ref", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("card_version", sa.Integer(), nullable=False),
        sa.Column("salt", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("voter_count", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("phase_changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop")),
        sa.UniqueConstraint("open_space", name=op.f("uq_workshop_open_space")),
    )
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_space_id"), ["space_id"], unique=False)

    op.create_table(
        "workshop_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=True),
        sa.Column("carried_forward", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshop.id"], name=op.f("fk_workshop_theme_workshop_id_workshop")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_theme")),
        sa.UniqueConstraint(
            "workshop_id", "number", name=op.f("uq_workshop_theme_workshop_id_number")
        ),
    )
    with op.batch_alter_table("workshop_theme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workshop_theme_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "workshop_dot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("voter", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["workshop_theme.id"],
            name=op.f("fk_workshop_dot_theme_id_workshop_theme"),
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshop.id"], name=op.f("fk_workshop_dot_workshop_id_workshop")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_dot")),
    )
    with op.batch_alter_table("workshop_dot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_dot_theme_id"), ["theme_id"], unique=False)
        batch_op.create_index(
            "ix_workshop_dot_workshop_id_voter", ["workshop_id", "voter"], unique=False
        )

    op.create_table(
        "workshop_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("waste", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=True),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["workshop_theme.id"],
            name=op.f("fk_workshop_note_theme_id_workshop_theme"),
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshop.id"], name=op.f("fk_workshop_note_workshop_id_workshop")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_note")),
    )
    with op.batch_alter_table("workshop_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_note_theme_id"), ["theme_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_workshop_note_workshop_id"), ["workshop_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("workshop_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_note_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_workshop_note_theme_id"))

    op.drop_table("workshop_note")
    with op.batch_alter_table("workshop_dot", schema=None) as batch_op:
        batch_op.drop_index("ix_workshop_dot_workshop_id_voter")
        batch_op.drop_index(batch_op.f("ix_workshop_dot_theme_id"))

    op.drop_table("workshop_dot")
    with op.batch_alter_table("workshop_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_theme_workshop_id"))

    op.drop_table("workshop_theme")
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_space_id"))

    op.drop_table("workshop")
