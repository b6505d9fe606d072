"""A fake Microsoft Teams for offline tests: Bot Connector, Graph and a token issuer on
127.0.0.1, enforcing the rules the coming Teams adapter must live with (docs/architecture.md)."""

from tests.fake_teams.server import FakeTeams

__all__ = ["FakeTeams"]
