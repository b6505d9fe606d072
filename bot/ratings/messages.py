"""The self-rating's messages: the private question with its buttons, the help, and the
results as text (for screen readers, and the chart's alternative text)."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.dates import day, moment
from bot.i18n import Catalog
from bot.ratings.chart import ChartText
from bot.ratings.figures import MIN_ANSWERS, SCORES, RoundFigures, decimal
from bot.replies import (
    Block,
    Button,
    Buttons,
    Header,
    Message,
    Note,
    Runs,
    SpaceLink,
    Text,
    join,
)
from storage.ratings import RatingRound, RatingTarget

ALT_TEXT_LIMIT = 1000  # what a screen reader's description may hold (Slack's alt_txt)


def question(t: Catalog, rating_round: RatingRound, tz: ZoneInfo) -> Message:
    """The question one person gets privately, with the scale's anchors and buttons 1–5."""
    asked = t("rating_question")
    closes = moment(rating_round.closes_at, tz, t.lang)
    buttons = tuple(
        Button(action_ids.variant(action_ids.RATING, score), str(score), str(rating_round.pk))
        for score in SCORES
    )
    return Message(
        asked,
        (
            Header(t("rating_question_header")),
            Text(asked),
            Text(t("rating_scale")),
            Buttons(buttons),
            Note(t("rating_question_note", closes=closes, minimum=MIN_ANSWERS)),
        ),
    )


def target_runs(t: Catalog, rating_round: RatingRound) -> Runs:
    """What a round is about: the channel (a link to it) or the group (as it was named)."""
    if rating_round.target_kind == RatingTarget.SPACE:
        return t("rating_target_space", space=SpaceLink(rating_round.target_id))
    return t("rating_target_group", group=rating_round.target_name or rating_round.target_id)


def help_message(t: Catalog, *, unknown: bool) -> Message:
    header = t("rating_help_header")
    blocks: list[Block] = [Header(header)]
    if unknown:
        blocks.append(Text(t("rating_help_unknown")))
    blocks += [Text(t("rating_help")), Note(t("rating_help_note", minimum=MIN_ANSWERS))]
    return Message(header, tuple(blocks))


def results_message(
    t: Catalog, rating_round: RatingRound, figures: Sequence[RoundFigures], tz: ZoneInfo
) -> Message:
    """Every round's figures as text: the trend, the latest shown round's distribution, and
    an open round's progress."""
    header = t("rating_results_header")
    lines = [target_runs(t, rating_round)]
    lines += [_round_line(t, f, tz) for f in figures]
    shown = [f for f in figures if f.shown]
    if shown:
        lines.append(_distribution_line(t, shown[-1]))
    if len(shown) > 1:
        lines.append(t("rating_results_trend", trend=_trend_text(t, shown)))
    blocks: list[Block] = [Header(header), Text(join("\n", lines))]
    if not shown:
        blocks.append(Note(t("rating_results_none", minimum=MIN_ANSWERS)))
    return Message(header, tuple(blocks))


def alt_text(t: Catalog, figures: Sequence[RoundFigures]) -> str:
    """The chart in words, for screen readers."""
    shown = [f for f in figures if f.shown]
    latest = shown[-1]
    counts = latest.counts or ()
    text = t.plain(
        "rating_chart_alt",
        number=latest.number,
        answered=latest.answered,
        counts=", ".join(f"{score}: {n}" for score, n in zip(SCORES, counts, strict=True)),
        trend=_trend_text(t, shown),
    )
    return text if len(text) <= ALT_TEXT_LIMIT else text[: ALT_TEXT_LIMIT - 1] + "…"


def chart_text(t: Catalog, figures: Sequence[RoundFigures]) -> ChartText:
    latest = [f for f in figures if f.shown][-1]
    return ChartText(
        distribution_title=t.plain(
            "rating_chart_distribution", number=latest.number, answered=latest.answered
        ),
        trend_title=t.plain("rating_chart_trend"),
        score_label=t.plain("rating_chart_score"),
        answers_label=t.plain("rating_chart_answers"),
        decimal_mark="." if t.lang == "en" else ",",
    )


def chart_label(figure: RoundFigures, tz: ZoneInfo) -> str:
    """A round on the chart's axis: the day it opened, `1.3.2026`."""
    opened = figure.opened_at.astimezone(tz).date()
    return f"{opened.day}.{opened.month}.{opened.year}"


def _round_line(t: Catalog, f: RoundFigures, tz: ZoneInfo) -> Runs:
    opened = day(f.opened_at.astimezone(tz).date(), t.lang)
    if not f.closed:
        closes = moment(f.closes_at, tz, t.lang)
        return t(
            "rating_results_open",
            number=f.number,
            opened=opened,
            closes=closes,
            answered=f.answered,
            asked=f.asked,
        )
    if f.mean is None:
        return t(
            "rating_results_hidden",
            number=f.number,
            opened=opened,
            answered=f.answered,
            minimum=MIN_ANSWERS,
        )
    return t(
        "rating_results_round",
        number=f.number,
        opened=opened,
        mean=decimal(f.mean, t.lang),
        answered=f.answered,
        asked=f.asked,
    )


def _distribution_line(t: Catalog, f: RoundFigures) -> Runs:
    counts = f.counts or ()
    parts = " · ".join(f"{score}: {n}" for score, n in zip(SCORES, counts, strict=True))
    return t("rating_results_distribution", number=f.number, counts=parts)


def _trend_text(t: Catalog, shown: Sequence[RoundFigures]) -> str:
    return " → ".join(decimal(f.mean or 0.0, t.lang) for f in shown)
