"""several owners per step: a step_owner table replaces step.owner_user_id and owner_role

A member owner becomes a step_owner row with the member's id. A role owner (`vastuu:
asiakas`, `vastuu: läheinen`…) becomes a row naming the team's participant of that role: the
lowest-numbered one not removed, or a new participant of that role (contact: the convenor).
Downgrade keeps one owner per step: a member if there is one, else a participant's role.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 05:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = 255  # storage.models.PLATFORM_ID


def upgrade() -> None:
    op.create_table(
        "step_owner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_step_owner_participant_id_participant"),
        ),
        sa.ForeignKeyConstraint(["step_id"], ["step.id"], name=op.f("fk_step_owner_step_id_step")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_owner")),
    )
    with op.batch_alter_table("step_owner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_step_owner_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_step_owner_step_id"), ["step_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_owner_user_id"), ["user_id"], unique=False)
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "INSERT INTO step_owner (step_id, user_id) "
            "SELECT id, owner_user_id FROM step WHERE owner_user_id IS NOT NULL"
        )
    )
    _role_owners(bind)
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.drop_index("ix_step_owner_user_id_status")
        batch_op.drop_column("owner_role")
        batch_op.drop_column("owner_user_id")


def _role_owners(bind: sa.engine.Connection) -> None:
    """Each role owner becomes the team's participant of that role, created if need be."""
    pairs = bind.execute(
        sa.text(
            "SELECT DISTINCT step.team_id, step.owner_role, team.convenor_id FROM step "
            "JOIN team ON team.id = step.team_id "
            "WHERE step.owner_user_id IS NULL AND step.owner_role IS NOT NULL"
        )
    ).all()
    for team_id, role, convenor_id in pairs:
        found = bind.execute(
            sa.text(
                "SELECT id FROM participant WHERE team_id = :team AND role = :role "
                "AND removed_at IS NULL ORDER BY number LIMIT 1"
            ),
            {"team": team_id, "role": role},
        ).scalar()
        if found is None:
            number = bind.execute(
                sa.text("SELECT COALESCE(MAX(number), 0) + 1 FROM participant WHERE team_id = :t"),
                {"t": team_id},
            ).scalar_one()
            found = bind.execute(
                sa.text(
                    "INSERT INTO participant (team_id, number, role, added_by, added_at) "
                    "SELECT id, :number, :role, :by, created_at FROM team WHERE id = :team "
                    "RETURNING id"
                ),
                {"number": number, "role": role, "by": convenor_id, "team": team_id},
            ).scalar_one()
        bind.execute(
            sa.text(
                "INSERT INTO step_owner (step_id, participant_id) SELECT id, :participant "
                "FROM step WHERE team_id = :team AND owner_user_id IS NULL AND owner_role = :role"
            ),
            {"participant": found, "team": team_id, "role": role},
        )


def downgrade() -> None:
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner_user_id", sqlmodel.sql.sqltypes.AutoString(length=_ID), nullable=True)
        )
        batch_op.add_column(
            sa.Column("owner_role", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.create_index(
            "ix_step_owner_user_id_status", ["owner_user_id", "status"], unique=False
        )
    op.execute(
        "UPDATE step SET owner_user_id = (SELECT MIN(user_id) FROM step_owner "
        "WHERE step_owner.step_id = step.id)"
    )
    op.execute(
        "UPDATE step SET owner_role = (SELECT MIN(participant.role) FROM step_owner "
        "JOIN participant ON participant.id = step_owner.participant_id "
        "WHERE step_owner.step_id = step.id) WHERE owner_user_id IS NULL"
    )
    with op.batch_alter_table("step_owner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_owner_user_id"))
        batch_op.drop_index(batch_op.f("ix_step_owner_step_id"))
        batch_op.drop_index(batch_op.f("ix_step_owner_participant_id"))
    op.drop_table("step_owner")
