"""Slack request signing (v0 HMAC-SHA256) for tests that call the bot."""

from __future__ import annotations

import hashlib
import hmac
import time


def sign(secret: str, timestamp: str, body: str | bytes) -> str:
    """Return Slack's `v0=` signature of `v0:{timestamp}:{body}`."""
    payload = body if isinstance(body, bytes) else body.encode("utf-8")
    base = f"v0:{timestamp}:".encode() + payload
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, body: str | bytes, *, timestamp: int | None = None
) -> dict[str, str]:
    """Return X-Slack-Request-Timestamp and X-Slack-Signature headers for a body."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sign(secret, ts, body)}
