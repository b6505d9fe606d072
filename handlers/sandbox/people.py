"""The sandbox workspace's people, its general channel and the staff's channel (where a
Hukkapaja can be tried: Tiimi is in it), made on the first start."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.sandbox.workspace import SimulatedSlack

GENERAL_CHANNEL = "yleinen"
STAFF_CHANNEL = "henkilosto"  # a staff space, no team's: for /paja


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str  # Slack's user name (what `@` completes to)
    real_name: str
    title: str  # the profession in the profile, as a Finnish workspace would have it


SOCIAL_WORKER = Person("USANNA", "anna", "Anna Virtanen", "sosiaalityöntekijä")
NURSE = Person("USMIKKO", "mikko", "Mikko Korhonen", "sairaanhoitaja")
KELA_EXPERT = Person("USLEENA", "leena", "Leena Mäkinen", "Kelan asiantuntija")
PHYSIOTHERAPIST = Person("USJUHA", "juha", "Juha Nieminen", "fysioterapeutti")
COORDINATOR = Person("USSARI", "sari", "Sari Koskinen", "koordinaattori")
OUTSIDER = Person("USPEKKA", "pekka", "Pekka Laine", "palvelusihteeri")

PEOPLE = (SOCIAL_WORKER, NURSE, KELA_EXPERT, PHYSIOTHERAPIST, COORDINATOR, OUTSIDER)


def furnish(slack: SimulatedSlack) -> None:
    """Add the people and the channels unless an earlier start already did."""
    for person in PEOPLE:
        if person.user_id not in slack.users:
            slack.add_user(
                person.user_id, name=person.name, real_name=person.real_name, title=person.title
            )
    if slack.channel_by_name(GENERAL_CHANNEL) is None:
        everyone = {person.user_id for person in PEOPLE}
        slack.add_channel(GENERAL_CHANNEL, is_private=False, members=everyone, bot_member=False)
    if slack.channel_by_name(STAFF_CHANNEL) is None:
        staff = {person.user_id for person in PEOPLE}
        slack.add_channel(STAFF_CHANNEL, is_private=False, members=staff, bot_member=True)
