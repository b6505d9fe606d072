"""Which service URLs the bot may talk to: the Agents SDK's outbound host check, on, with
Microsoft's own hosts (https only), and the service URL the deployment configured
(TEAMS_SERVICE_URL: in the offline tests, the local fake's), which is trusted because the
operator named it."""

from __future__ import annotations

from microsoft_agents.hosting.core import OutboundHostValidator
from yarl import URL


class ServiceHosts(OutboundHostValidator):
    def __init__(self, configured_service_url: str) -> None:
        super().__init__(enabled=True)
        self.configured = configured_service_url.rstrip("/") + "/"

    def is_allowed(self, url: str | URL) -> bool:
        text = str(url)
        if text.rstrip("/") + "/" == self.configured or text.startswith(self.configured):
            return True
        return super().is_allowed(url)
