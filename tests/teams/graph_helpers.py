"""The Graph client on the fake Graph: app-only tokens with chosen permissions, and waits
recorded instead of slept."""

from __future__ import annotations

import aiohttp

from handlers.teams.graph import GraphClient
from handlers.teams.http_retry import RetryPolicy
from tests.fake_teams import FakeTeams

# The application permissions of the recommended chat set (teams-notes §2.2) and User.Read.All.
ROLES = (
    "Chat.Create",
    "Chat.ReadBasic.All",
    "ChatMember.ReadWrite.All",
    "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
    "User.ReadBasic.All",
    "User.Read.All",
    "GroupMember.Read.All",
)


class Waits(list[float]):
    """A RetryPolicy's sleep that records the seconds instead of sleeping."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def graph_client(
    teams: FakeTeams,
    session: aiohttp.ClientSession,
    *,
    roles: tuple[str, ...] = ROLES,
    waits: Waits | None = None,
    base_url: str | None = None,
) -> GraphClient:
    """A client whose token has `roles`; backoffs are half their ceiling (random 0.5)."""

    async def token() -> str:
        return teams.issuer.graph_token(roles=list(roles))

    policy = RetryPolicy(sleep=waits if waits is not None else Waits(), random=lambda: 0.5)
    return GraphClient(
        session, token=token, base_url=base_url or teams.graph_url, retry=policy, timeout=5
    )
