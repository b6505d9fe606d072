"""What every dialog shares: a form's Adaptive Card, its inputs with their errors, the key its
submission carries back, and the answers to `task/fetch` and `task/submit`.

A form shown again after an error keeps what was entered, except in a field in error: a text
the privacy guard refused is never sent back, nor one holding an identity code that another
error stopped before the guard saw it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol

from bot.answers import refusal
from bot.context import Actor
from bot.errors import UserError
from bot.i18n import Catalog
from bot.plan.dispatch import AskelCommands
from bot.privacy import contains_identity_code
from bot.replies import Reply, plain_text
from bot.teams.dispatch import TiimiCommands

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
TENANT_USERS = "graph.microsoft.com/users"
CHAT_MEMBERS = "graph.microsoft.com/users?scope=currentContext"
GENERAL = ""  # the error key of what concerns the form as a whole

Fields = Mapping[str, str]  # an input's id → its value as submitted, or the error beside it
NO_FIELDS: Fields = MappingProxyType({})
Card = dict[str, Any]
Element = dict[str, Any]
TaskAnswer = dict[str, Any]


@dataclass(frozen=True)
class FormKey:
    """What a form's submission carries back: which form (the verb of the button that opened
    it), what about (the button's value) and which dialog (its `task/fetch` activity's id, so
    that a form sent again does its work once)."""

    verb: str
    value: str
    dialog: str

    def data(self) -> dict[str, str]:
        return {"verb": self.verb, "value": self.value, "dialog": self.dialog}


@dataclass(frozen=True)
class Turn:
    """A dialog's invoke: the core, who acts, in which team's space ("" outside one)."""

    tiimi: TiimiCommands
    actor: Actor
    space: str
    key: FormKey
    request_key: str  # derived from the dialog, the same for each sending of its form

    @property
    def askel(self) -> AskelCommands:
        return self.tiimi.askel


@dataclass(frozen=True)
class Later:
    """Answer the dialog with `note` at once, then run `work`, whose answer goes to the asker's
    personal chat (a team's opening takes several Graph calls)."""

    note: str
    work: Callable[[], Awaitable[Reply]]


Submitted = TaskAnswer | Reply | Later  # the form again or a message, the core's answer, later


def show(title: str, card: Card) -> TaskAnswer:
    """The `task/fetch` (or `task/submit`) answer that shows the card in the dialog."""
    content = {"contentType": CARD_TYPE, "content": card}
    return {"task": {"type": "continue", "value": {"title": title, "card": content}}}


class CardOf(Protocol):
    """A form's card in the asker's language, with what was entered and its errors."""

    def __call__(
        self, t: Catalog, key: FormKey, *, values: Fields = ..., errors: Fields = ...
    ) -> Card: ...


@dataclass(frozen=True)
class FormView:
    """A form shown under its title (a catalog key): anew when fetched, or again with what was
    entered and the errors beside it."""

    title: str
    card: CardOf

    def __call__(
        self, turn: Turn, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
    ) -> TaskAnswer:
        t = turn.actor.t
        return show(t.plain(self.title), self.card(t, turn.key, values=values, errors=errors))

    async def fetch(self, turn: Turn) -> TaskAnswer:
        return self(turn)


def message(text: str) -> TaskAnswer:
    """The answer that closes the form and shows a message in its place."""
    return {"task": {"type": "message", "value": text}}


def form_card(
    body: Sequence[Element], *, key: FormKey, submit: str, errors: Fields = NO_FIELDS
) -> Card:
    """The form: an error about it as a whole first, the inputs, one submit button."""
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": [*error_line(errors, GENERAL), *body],
        "actions": [{"type": "Action.Submit", "title": submit, "data": key.data()}],
    }


def text_block(text: str, *, subtle: bool = False) -> Element:
    block: Element = {"type": "TextBlock", "text": text, "wrap": True}
    return block | {"isSubtle": True, "size": "Small"} if subtle else block


def error_line(errors: Fields, field: str) -> list[Element]:
    text = errors.get(field)
    if not text:
        return []
    return [{"type": "TextBlock", "text": text, "wrap": True, "color": "Attention"}]


def _with_value(element: Element, field: str, values: Fields, errors: Fields) -> list[Element]:
    value = values.get(field)
    if value and field not in errors and not contains_identity_code(value):
        element["value"] = value
    return [element, *error_line(errors, field)]


def text_input(
    field: str,
    label: str,
    *,
    values: Fields,
    errors: Fields,
    max_length: int,
    multiline: bool = False,
    required: str = "",
    placeholder: str = "",
) -> list[Element]:
    """A text input; `required`: the message shown when it is left empty."""
    element: Element = {
        "type": "Input.Text",
        "id": field,
        "label": label,
        "maxLength": max_length,
        "isMultiline": multiline,
    }
    if placeholder:
        element["placeholder"] = placeholder
    if required:
        element |= {"isRequired": True, "errorMessage": required}
    return _with_value(element, field, values, errors)


def date_input(
    field: str, label: str, *, values: Fields, errors: Fields, required: str = ""
) -> list[Element]:
    element: Element = {"type": "Input.Date", "id": field, "label": label}
    if required:
        element |= {"isRequired": True, "errorMessage": required}
    return _with_value(element, field, values, errors)


def choice_input(
    field: str,
    label: str,
    choices: Sequence[tuple[str, str]],
    *,
    values: Fields,
    errors: Fields,
    multi: bool = False,
) -> list[Element]:
    """A drop-down of (value, title) choices; a title is shown as it is (never markup)."""
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": field,
        "label": label,
        "style": "compact" if multi else "filtered",  # typing to filter: one choice only
        "isMultiSelect": multi,
        "choices": [{"title": title, "value": value} for value, title in choices],
    }
    return _with_value(element, field, values, errors)


def people_picker(
    field: str,
    label: str,
    *,
    dataset: str,
    values: Fields,
    errors: Fields,
    multi: bool = True,
    required: str = "",
) -> list[Element]:
    """Teams' people picker: the values are the people's Entra object ids, comma-separated."""
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": field,
        "label": label,
        "isMultiSelect": multi,
        "choices": [],
        "choices.data": {"type": "Data.Query", "dataset": dataset},
    }
    if required:
        element |= {"isRequired": True, "errorMessage": required}
    return _with_value(element, field, values, errors)


def toggle(field: str, title: str, *, label: str, required: str) -> list[Element]:
    """A toggle to switch on (never preset: a confirmation is given each time)."""
    element: Element = {
        "type": "Input.Toggle",
        "id": field,
        "label": label,
        "title": title,
        "valueOn": "true",
        "valueOff": "false",
        "value": "false",
        "isRequired": True,
        "errorMessage": required,
    }
    return [element]


def refused(actor: Actor, error: UserError) -> str:
    """The core's refusal as plain text, to show in the form."""
    return plain_text(refusal(actor, error).message.fallback)


def fields(data: Mapping[str, Any]) -> dict[str, str]:
    """The inputs' values of a submission, each as text (Teams sends each input as a string)."""
    skip = {"verb", "value", "dialog", "msteams"}
    return {k: v.strip() for k, v in data.items() if k not in skip and isinstance(v, str)}


def ids(value: str) -> tuple[str, ...]:
    """The people a people picker submitted: their object ids, lower-case (a forged value
    holding an identity code is left out: the core would name it back as a person)."""
    people = (p.strip().lower() for p in value.split(","))
    return tuple(dict.fromkeys(p for p in people if p and not contains_identity_code(p)))
