"""Every button the core puts on a message reaches a listener: a press nobody routes would
get Bolt's 404 and the user Slack's own error."""

from __future__ import annotations

import re

import pytest

from bot import action_ids
from storage.models import CloseReason
from tests.support.registered import registered_keys

OFFERED = [
    action_ids.STEP_DONE,
    action_ids.STEP_NOT_DONE,
    action_ids.STEP_MOVE,
    action_ids.HOME_STEP_DONE,
    *(action_ids.variant(action_ids.PLAN_PAGE, way) for way in ("prev", "next")),
    *(action_ids.variant(action_ids.TEAMS_PAGE, way) for way in ("prev", "next")),
    *(action_ids.variant(action_ids.NUDGE_SNOOZE, days) for days in (1, 7)),
    *(action_ids.variant(action_ids.CLOSE_TEAM, reason) for reason in CloseReason),
]


def routed(action_id: str) -> bool:
    """Whether a registered action key takes this id: the same id, or a pattern that matches."""
    keys = registered_keys()["action"]
    return any(k == action_id or (not k.isidentifier() and re.match(k, action_id)) for k in keys)


@pytest.mark.parametrize("action_id", OFFERED)
def test_every_offered_button_is_routed(action_id: str) -> None:
    assert routed(action_id)


def test_a_snooze_of_other_days_is_not_routed() -> None:
    assert not routed("nudge_snooze:30")
