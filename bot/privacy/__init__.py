"""Privacy guard: refuse and redact Finnish personal identity codes (HETU) in any form.

Every free-text input of the bot passes ``check_text`` before anything is stored, posted or
logged, and every log line passes ``redact``; both use the one matcher in ``codes.py``. A
platform's adapter gives the ``Display`` of the texts it sends (how the platform shows them).
"""

from bot.privacy.codes import (
    REDACTION,
    IdentityCodeKind,
    PrivacyViolation,
    check_text,
    contains_identity_code,
    find_identity_codes,
    redact,
)
from bot.privacy.reading import Display, Segment

__all__ = [
    "REDACTION",
    "Display",
    "IdentityCodeKind",
    "PrivacyViolation",
    "Segment",
    "check_text",
    "contains_identity_code",
    "find_identity_codes",
    "redact",
]
