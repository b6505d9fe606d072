"""bot.reminders.messages.step_due: the due day is named unless it is the delivery day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.i18n import Catalog
from bot.plan.owners import StepOwners
from bot.reminders import messages as reminder_messages
from bot.replies import When
from storage.models import Step, StepOwner

SATURDAY = date(2026, 12, 12)


@pytest.mark.parametrize(
    ("lang", "today", "expected"),
    [
        ("fi", date(2026, 12, 11), "määräaika on la 12.12.2026: Soita Kelaan"),
        ("fi", SATURDAY, "määräaika on tänään: Soita Kelaan"),
        ("fi", date(2026, 12, 14), "määräaika oli la 12.12.2026: Soita Kelaan"),
        ("sv", date(2026, 12, 11), "steg 1 går ut lö 12.12.2026: Soita Kelaan"),
        ("en", date(2026, 12, 11), "step 1 is due on Sat 12.12.2026: Soita Kelaan"),
        ("en", SATURDAY, "step 1 is due today: Soita Kelaan"),
        ("en", date(2026, 12, 14), "step 1 was due on Sat 12.12.2026: Soita Kelaan"),
    ],
)
def test_step_due_names_the_day(lang: str, today: date, expected: str) -> None:
    step = Step(
        id=1,
        team_id=1,
        number=1,
        text="Soita Kelaan",
        due_date=SATURDAY,
        created_by="UANNA",
        created_at=datetime(2026, 12, 7, tzinfo=UTC),
    )
    owners = StepOwners.of([StepOwner(step_id=1, user_id="UBERT")], [], "UANNA")
    message = reminder_messages.step_due(
        Catalog(lang), step=step, owners=owners, today=today, late=False
    )
    assert message.text.endswith(expected)
    days = [run for run in message.fallback if isinstance(run, When)]
    assert [d.value for d in days] == ([] if today == SATURDAY else [SATURDAY])
