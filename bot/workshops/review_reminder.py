"""An experiment's review reminder (a reminder row with no team, bot/reminders/worker.py):
posted into its Ratkaisupaja's space, naming its owners, with the button to its review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel.ext.asyncio.session import AsyncSession

from bot import action_ids
from bot.dates.format import day
from bot.i18n import Catalog
from bot.replies import Block, Button, Buttons, Message, Note, Person, Text, compose, join
from storage import solution_queries as sq
from storage import workshop_queries as wq
from storage.models import Reminder
from storage.workshops import WorkshopExperiment


@dataclass(frozen=True)
class ReviewPost:
    space: str
    experiment: WorkshopExperiment


async def review_due(session: AsyncSession, reminder: Reminder) -> ReviewPost | None:
    """Where to post the reminder; None when its experiment is gone or already reviewed."""
    if reminder.experiment_id is None:
        return None
    experiment = await sq.get_experiment(session, experiment_id=reminder.experiment_id)
    if experiment is None or experiment.outcome is not None:
        return None
    workshop = await wq.get_workshop(session, workshop_id=experiment.workshop_id)
    return ReviewPost(workshop.space_id, experiment) if workshop else None


def review_message(
    t: Catalog, experiment: WorkshopExperiment, *, today: date, late: bool
) -> Message:
    owners = join(", ", (Person(owner) for owner in experiment.owner_ids))
    key = "solution_reminder" if experiment.review_date == today else "solution_reminder_on"
    text = compose(
        owners,
        t(
            key,
            number=experiment.number,
            what=experiment.what,
            date=day(experiment.review_date, t.lang),
        ),
    )
    review = Button(
        action_ids.SOLUTION_REVIEW_FORM,
        t.plain("solution_button_review", number=experiment.number),
        str(experiment.pk),
        style="primary",
    )
    blocks: list[Block] = [Text(text), Buttons((review,))]
    if late:
        blocks.append(Note(t("reminder_late")))
    return Message(text, tuple(blocks))
