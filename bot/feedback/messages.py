"""The feedback question sent to whoever closed a team, and what its answers say."""

from __future__ import annotations

from bot import action_ids
from bot.i18n import Catalog
from bot.replies import Button, Buttons, Header, Message, Note, Text
from storage.models import FeedbackAnswer, Team

SCALE = tuple(a for a in FeedbackAnswer if a is not FeedbackAnswer.NOT_ASKED)  # 1–5


def question(t: Catalog, *, team: Team) -> Message:
    """The question with the scale's anchors and a button per answer (which carry the team's
    id, never shown)."""
    buttons = tuple(
        Button(
            action_ids.variant(action_ids.CLIENT_FEEDBACK, answer), label(t, answer), str(team.pk)
        )
        for answer in FeedbackAnswer
    )
    return Message(
        t("feedback_question_fallback", code=team.code),
        blocks=(
            Header(t("feedback_question_header")),
            Text(t("feedback_question", code=team.code)),
            Buttons(buttons),
            Note(t("feedback_question_note")),
        ),
    )


def label(t: Catalog, answer: FeedbackAnswer) -> str:
    """A button's label: the number, or *Ei kysytty*."""
    return t.plain("feedback_not_asked") if answer is FeedbackAnswer.NOT_ASKED else answer.value


def described(t: Catalog, answer: FeedbackAnswer) -> str:
    """The answer with its meaning: `4 (jokseenkin samaa mieltä)`, or *ei kysytty*."""
    if answer is FeedbackAnswer.NOT_ASKED:
        return t.plain("feedback_not_asked_answer")
    return f"{answer.value} ({t.plain(f'feedback_scale_{answer.value}')})"
