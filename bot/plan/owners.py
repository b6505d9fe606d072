"""The owners (vastuutahot) of steps: members and participants without a chat account, and
whom a step's reminder reaches (each member owner; for a participant, its contact member)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Catalog
from bot.replies import Person, Runs, compose, join
from bot.teams.professions import profession_label
from storage import participant_queries
from storage.models import Participant, Step, StepOwner, Team


def participant_label(t: Catalog, participant: Participant) -> str:
    """`Asiakas`, `Järjestötyöntekijä (Sininauhasäätiö)`: role and organisation, never a name;
    the organisation in parentheses, so that a list of owners stays readable."""
    label = profession_label(participant.role, t.lang) or t.plain("profession_unknown")
    label = label[:1].upper() + label[1:]
    return f"{label} ({participant.organisation})" if participant.organisation else label


@dataclass(frozen=True)
class StepOwners:
    """The owners of some steps, with the team's participants (removed ones too) and
    convenor, to name them and to find whom to remind."""

    rows: Mapping[int, tuple[StepOwner, ...]] = field(default_factory=dict)  # by step id
    participants: Mapping[int, Participant] = field(default_factory=dict)  # by id
    convenor_id: str = ""

    @classmethod
    def of(
        cls, rows: Iterable[StepOwner], participants: Iterable[Participant], convenor_id: str
    ) -> StepOwners:
        by_step: dict[int, tuple[StepOwner, ...]] = {}
        for row in rows:
            by_step[row.step_id] = (*by_step.get(row.step_id, ()), row)
        return cls(by_step, {p.pk: p for p in participants}, convenor_id)

    def user_ids(self, step: Step) -> list[str]:
        return [o.user_id for o in self.rows.get(step.pk, ()) if o.user_id]

    def participants_of(self, step: Step) -> list[Participant]:
        ids = [o.participant_id for o in self.rows.get(step.pk, ()) if o.participant_id]
        found = [self.participants[i] for i in ids if i in self.participants]
        return sorted(found, key=lambda participant: participant.number)

    def contact(self, participant: Participant) -> str:
        """The member reminded of the participant's steps: the chosen one, else the convenor."""
        return participant.contact_user_id or self.convenor_id

    def needs_new_owner(self, step: Step, member_ids: set[str]) -> bool:
        """An owner has left the team (a member removed, or a participant)."""
        gone = [u for u in self.user_ids(step) if u not in member_ids]
        return bool(gone) or any(p.removed_at for p in self.participants_of(step))

    def runs(self, t: Catalog, step: Step, *, contacts: bool = False) -> Runs:
        """`@Anna, Asiakas`; with `contacts`, each participant's contact is mentioned."""
        parts: list[Runs] = [(Person(u),) for u in self.user_ids(step)]
        for participant in self.participants_of(step):
            label = participant_label(t, participant)
            if contacts and participant.removed_at is None:
                contact = Person(self.contact(participant))
                parts.append(t("participant_with_contact", participant=label, contact=contact))
            else:
                parts.append(compose(label))
        return join(", ", parts) if parts else t("owner_none")

    def plain(self, t: Catalog, step: Step, names: Mapping[str, str]) -> str:
        """The owners in plain text (the export): people by their names."""
        parts = [names.get(u, u) for u in self.user_ids(step)]
        parts += [participant_label(t, p) for p in self.participants_of(step)]
        return ", ".join(parts) or t.plain("owner_none")

    def people(self, steps: Sequence[Step]) -> list[str]:
        return [u for step in steps for u in self.user_ids(step)]


async def load_owners(
    session: AsyncSession, team: Team, steps: Sequence[Step], *, participants: bool = False
) -> StepOwners:
    """The owners of these steps of the team, with the team's participants (removed ones
    too) when some own a step or when asked for."""
    rows = await participant_queries.owners_of(session, step_ids=[s.pk for s in steps])
    found: Sequence[Participant] = ()
    if participants or any(row.participant_id for row in rows):
        found = await participant_queries.participants_of(
            session, team_id=team.pk, with_removed=True
        )
    return StepOwners.of(rows, found, team.convenor_id)
