"""The Ratkaisupaja's card in its space, one message updated in place: the Hukkapaja's
carried-forward themes, each with its experiments (what, owners, review date, outcome) and a
button to add one; the client cases; the practices in their order. What people wrote is shown
as written, plain runs."""

from __future__ import annotations

from bot import action_ids
from bot.dates.format import day
from bot.i18n import Catalog
from bot.replies import (
    Block,
    Button,
    Buttons,
    Divider,
    Header,
    Message,
    Note,
    Person,
    Runs,
    Text,
    compose,
    join,
    strong,
)
from bot.workshops.solutions import MAX_CASES, MAX_EXPERIMENTS, SolutionState
from storage.workshops import WorkshopExperiment

CARD_CASE_CHARS = 500  # each case on the card; the summary has it whole


def solution_card(t: Catalog, state: SolutionState) -> Message:
    workshop = state.workshop
    header = t("solution_card_header", topic=workshop.topic)
    value = str(workshop.pk)
    blocks: list[Block] = [Header(header), Text(t("solution_card_intro"))]
    for number, theme in enumerate(state.themes, 1):
        blocks += [
            Divider(),
            Text(compose(strong(t("solution_card_theme", number=number)), " ", theme.name)),
        ]
        for experiment in state.of_theme(theme):
            review = Button(
                action_ids.SOLUTION_REVIEW_FORM,
                t.plain("solution_button_review", number=experiment.number),
                str(experiment.pk),
            )
            blocks += [Text(experiment_runs(t, experiment)), Buttons((review,))]
        if len(state.experiments) < MAX_EXPERIMENTS:
            add = Button(
                action_ids.SOLUTION_EXPERIMENT_FORM,
                t.plain("solution_button_experiment"),
                f"{workshop.pk}:{theme.pk}",
                style="primary",
            )
            blocks.append(Buttons((add,)))
    blocks.append(Divider())
    for case in state.cases:
        text = case.text
        if len(text) > CARD_CASE_CHARS:
            text = text[: CARD_CASE_CHARS - 1].rstrip() + "…"
        blocks.append(Text(compose(strong(t("solution_case", number=case.number)), " ", text)))
    if len(state.cases) < MAX_CASES:
        case_button = Button(action_ids.SOLUTION_CASE_FORM, t.plain("solution_button_case"), value)
        blocks.append(Buttons((case_button,)))
    if practices := state.practices:
        blocks.append(Text(compose(strong(t("solution_practices")), "\n", flow_runs(practices))))
    blocks.append(Note(t("solution_card_facilitator", user=Person(workshop.facilitator_id))))
    return Message(header, tuple(blocks))


def experiment_runs(t: Catalog, experiment: WorkshopExperiment) -> Runs:
    """K2. what · its owners · arvio pe 15.1.2027 · pidetään: note"""
    owners = join(", ", (Person(owner) for owner in experiment.owner_ids))
    parts: list[Runs] = [
        compose(strong(f"K{experiment.number}."), " ", experiment.what),
        owners,
        t("solution_review_on", date=day(experiment.review_date, t.lang)),
    ]
    if experiment.outcome:
        outcome = strong(t.plain(f"solution_outcome_{experiment.outcome}"))
        note = f": {experiment.outcome_note}" if experiment.outcome_note else ""
        parts.append(compose(outcome, note))
    return join(" · ", parts)


def flow_text(practices: tuple[WorkshopExperiment, ...]) -> str:
    """The practices' flow as one line: 1. A → 2. B → 3. C."""
    return " → ".join(f"{place}. {e.what}" for place, e in enumerate(practices, 1))


def flow_runs(practices: tuple[WorkshopExperiment, ...]) -> Runs:
    return compose(flow_text(practices))
