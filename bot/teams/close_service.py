"""The service a team moved to when it closed as *siirtyi yhteen palveluun*: a profession
(bot.teams.professions) or a short free-text service label, kept after the purge."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import guard
from bot.errors import UserError
from bot.privacy import Display
from bot.teams.professions import NOT_SERVICES, SERVICES, match_profession, profession_label
from bot.text_norm import clean

SERVICE_MAX = 60  # Team.closed_to_service


@dataclass(frozen=True)
class CloseServiceDialog:
    """Ask the closer which service the team moved to: the adapter opens its form. `key` is
    the team's as the reason button carried it (its id in the channel, else its code)."""

    key: str


def parse_service(text: str) -> str:
    """A profession's key for a profession's name in any language, else the label as typed;
    raises UserError for none, one too long or a role that is not a service (the client, a
    close person…). The caller has run the identity-code guard."""
    label = clean(text).strip(" .,;:")
    if not label:
        raise UserError("close_service_missing")
    key = match_profession(label)
    if key in NOT_SERVICES:
        raise UserError("close_service_not_service")
    if key is not None:
        return key
    if len(label) > SERVICE_MAX:
        raise UserError("close_service_invalid", max=SERVICE_MAX)
    return label


def service_label(service: str, lang: str) -> str:
    """A profession in the reader's language; a free-text label as it was given."""
    return profession_label(service, lang) or service


def check_service_form(
    profession: str | None, text: str | None, *, display: Display | None = None
) -> str:
    """The service the form names: a profession picked or a label typed, not both; the label
    passes the identity-code guard. Raises UserError."""
    text = (text or "").strip()
    if profession and text:
        raise UserError("form_one_service")
    if profession:
        if profession in NOT_SERVICES:  # a form sent before they were left out
            raise UserError("close_service_not_service")
        if profession not in SERVICES:
            raise UserError("close_service_missing")
        return profession
    guard(text, display=display)
    return parse_service(text)
